package dev.beckon.engine.definitions;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.templates.DefaultTemplates;
import dev.beckon.engine.templates.MessageTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JourneyCodecTest {

    final JourneyCodec codec = BuiltInJourneysTest.BUILT_INS.codec();

    /** A small valid journey; tests break one thing in it. */
    static String journey(String steps) {
        return """
                {"id": "cart-nudge", "name": "Cart nudge",
                 "trigger": {"event": "CheckoutUpdated"},
                 "steps": %s,
                 "exitEvents": [{"event": "OrderPlaced", "match": ["checkout"]}]}
                """.formatted(steps);
    }

    static final String SEND = "{\"id\": \"sms\", \"type\": \"send\", \"channel\": \"SMS\","
            + " \"template\": \"abandoned-checkout-sms\"}";

    List<ValidationError> errors(String json) {
        try {
            codec.read(json);
        } catch (JourneyValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected the journey to be rejected: " + json);
    }

    @Test
    void aMinimalJourneyReadsWithDefaults() throws JourneyValidationException {
        JourneyDefinition j = codec.read(journey("[{\"id\": \"wait\", \"type\": \"wait\", \"duration\": \"PT2H\"}, "
                + SEND + "]"));

        assertThat(j.enabled()).isTrue();
        assertThat(j.transactional()).isFalse();
        assertThat(j.goal()).isNull();
        assertThat(j.reEntryCooldown()).isZero();
        assertThat(j.steps()).hasSize(2);
    }

    @Test
    void inlineTemplatesSplitsAndConditionsRoundTrip() throws JourneyValidationException {
        String json = journey("""
                [{"id": "ab", "type": "split", "variants": [
                   {"name": "sms", "weight": 50, "go": "sms"},
                   {"name": "email", "weight": 40, "go": "mail"},
                   {"name": "holdout", "weight": 10, "go": "end"}]},
                 {"id": "sms", "type": "send", "channel": "SMS", "template": {"text": "Hi {{firstName}}"},
                  "next": "end"},
                 {"id": "mail", "type": "condition", "when": {"path": "event.total.amount", "op": "gte", "value": 50},
                  "then": "mail-big", "else": "end"},
                 {"id": "mail-big", "type": "send", "channel": "EMAIL",
                  "template": {"subject": "Hi", "text": "Hi {{firstName}}", "html": "<p>Hi {{firstName}}</p>"}}]
                """);

        JourneyDefinition j = codec.read(json);

        assertThat(j.steps().get(1)).isEqualTo(new Step.Send("sms", ChannelType.SMS,
                TemplateRef.inline(MessageTemplate.text("Hi {{firstName}}")), null, Goto.END));
        assertThat(((Step.Split) j.steps().get(0)).variants()).extracting(Step.Split.Variant::go)
                .containsExactly(Goto.step("sms"), Goto.step("mail"), Goto.END);
        String written = codec.write(j);
        assertThat(codec.read(written)).isEqualTo(j);
        assertThat(codec.write(codec.read(written))).isEqualTo(written);
    }

    @Test
    void notJsonIsOneErrorWithThePosition() {
        assertThat(errors("{\"id\": ")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEmpty();
            assertThat(e.message()).startsWith("not valid JSON at line 1");
        });
        assertThat(errors("[]")).containsExactly(new ValidationError("", "must be an object"));
    }

    @Test
    void bodiesOver64KiBAreRejectedBeforeParsing() {
        String big = journey("[" + SEND + "]").replace("Cart nudge", "x".repeat(70_000));

        assertThat(errors(big)).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("the journey is " + big.length() + " bytes; at most 65536 are accepted"));
    }

    @Test
    void everyShapeProblemIsReportedWithItsPath() {
        List<ValidationError> errors = errors(journey("""
                [{"id": "a", "type": "wait", "duration": "1 hour"},
                 {"id": "b", "type": "wait", "until": "25:00"},
                 {"id": "c", "type": "teleport"},
                 {"id": "d", "type": "send", "channel": "PIGEON", "template": "abandoned-checkout-sms"},
                 {"id": "e", "type": "send", "channel": "SMS"},
                 {"id": "f", "type": "wait", "duration": "PT1H", "colour": "red"}]
                """));

        assertThat(errors).containsExactly(
                new ValidationError("/steps/0/duration", "must be an ISO-8601 duration like PT1H"),
                new ValidationError("/steps/1/until", "must be a time of day HH:mm like 10:00"),
                new ValidationError("/steps/2/type",
                        "unknown step type 'teleport'; known: condition, offer, send, split, video, wait"),
                new ValidationError("/steps/3/channel",
                        "unknown channel 'PIGEON'; known: APP, EMAIL, SMS, WEB_PUSH, WHATSAPP"),
                new ValidationError("/steps/4/template",
                        "a send step needs a template id or an inline template"),
                new ValidationError("/steps/5/colour",
                        "unknown field; known: duration, id, next, type, until"));
    }

    @Test
    void unknownTriggerEventListsTheCanonicalOnes() {
        List<ValidationError> errors = errors(journey("[" + SEND + "]").replace("CheckoutUpdated",
                "CheckoutAbandoned"));

        assertThat(errors).first().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/trigger/event");
            assertThat(e.message()).startsWith("unknown event type 'CheckoutAbandoned'; known: AppUninstalled,")
                    .contains("CheckoutUpdated", "ZoneDwelled");
        });
    }

    @Test
    void duplicateAndMissingStepIdsAreNamed() {
        List<ValidationError> errors = errors(journey("""
                [{"id": "sms", "type": "wait", "duration": "PT1H", "next": "later"},
                 {"id": "sms", "type": "send", "channel": "SMS", "template": "abandoned-checkout-sms"}]
                """));

        assertThat(errors).containsExactly(
                new ValidationError("/steps/1/id", "duplicate step id 'sms' (also /steps/0/id)"),
                new ValidationError("/steps/0/next", "no step 'later'; use a step id, 'next' or 'end'"));
    }

    @Test
    void zeroAndNegativeDurationsAreRejected() {
        List<ValidationError> errors = errors(journey("""
                [{"id": "a", "type": "wait", "duration": "PT0S"},
                 {"id": "b", "type": "wait", "duration": "-PT1H"},
                 {"id": "c", "type": "video", "fallbackAfter": "PT0S"},
                 {"id": "d", "type": "send", "channel": "SMS", "template": "abandoned-checkout-sms",
                  "staleAfter": "-PT5M"},
                 {"id": "e", "type": "wait"}]
                """));

        assertThat(errors).containsExactly(
                new ValidationError("/steps/0/duration", "must be a positive duration, got PT0S"),
                new ValidationError("/steps/1/duration", "must be a positive duration, got PT-1H"),
                new ValidationError("/steps/2/fallbackAfter", "must be a positive duration, got PT0S"),
                new ValidationError("/steps/3/staleAfter", "must be a positive duration, got PT-5M"),
                new ValidationError("/steps/4", "a wait needs a duration, an until time, or both"));
    }

    @Test
    void splitWeightsMustSumTo100() {
        List<ValidationError> errors = errors(journey("""
                [{"id": "ab", "type": "split", "variants": [
                   {"name": "a", "weight": 60, "go": "next"}, {"name": "b", "weight": 30, "go": "end"}]},
                 {"id": "one", "type": "split", "variants": [{"name": "a", "weight": 100}]}]
                """));

        assertThat(errors).containsExactly(
                new ValidationError("/steps/0/variants", "weights must sum to 100, they sum to 90"),
                new ValidationError("/steps/1/variants", "a split needs at least two variants"));
    }

    @Test
    void templatesMustExistAndInlineOnesMustCompile() {
        List<ValidationError> errors = errors(journey("""
                [{"id": "a", "type": "send", "channel": "SMS", "template": "birthday-sms"},
                 {"id": "b", "type": "send", "channel": "SMS", "template": {"text": "Hi {{#firstName}}"}},
                 {"id": "c", "type": "send", "channel": "EMAIL", "template": {"text": "Hi"}}]
                """));

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).path()).isEqualTo("/steps/0/template");
        assertThat(errors.get(0).message()).startsWith("unknown template 'birthday-sms'; known: ")
                .contains("abandoned-checkout-sms");
        assertThat(errors.get(1).path()).isEqualTo("/steps/1/template/text");
        assertThat(errors.get(1).message()).startsWith("not a valid Mustache template");
        assertThat(errors.get(2)).isEqualTo(new ValidationError("/steps/2/template/subject",
                "an email needs a subject"));
    }

    @Test
    void loopsAndUnreachableStepsAreRejected() {
        assertThat(errors(journey("""
                [{"id": "a", "type": "wait", "duration": "PT1H"},
                 {"id": "b", "type": "send", "channel": "SMS", "template": "abandoned-checkout-sms", "next": "a"}]
                """))).containsExactly(new ValidationError("/steps/1",
                "step 'b' loops back to step 'a'; journeys only move forward"));
        assertThat(errors(journey("""
                [{"id": "a", "type": "wait", "duration": "PT1H", "next": "end"},
                 {"id": "b", "type": "send", "channel": "SMS", "template": "abandoned-checkout-sms"}]
                """))).containsExactly(new ValidationError("/steps/1", "step 'b' is never reached"));
    }

    @Test
    void criteriaAreCheckedAgainstTheEventType() {
        List<ValidationError> errors = errors("""
                {"id": "dwell", "trigger": {"event": "ZoneDwelled", "where": [
                   {"path": "event.dwell", "op": "gte", "value": "30 seconds"},
                   {"path": "event.zone", "op": "gt", "value": "a"},
                   {"path": "event.aisle", "op": "exists"},
                   {"path": "zone", "op": "eq", "value": "a"},
                   {"path": "event.zone", "op": "in", "value": []},
                   {"path": "event.zone", "op": "exists", "value": "a"},
                   {"path": "event.zone", "op": "like", "value": "a"}]},
                 "steps": [{"id": "push", "type": "send", "channel": "APP", "template": "in-store-offer-push"}]}
                """);

        assertThat(errors).containsExactly(
                new ValidationError("/trigger/where/6/op", "unknown operator 'like'; known: contains, eq, exists,"
                        + " gt, gte, in, lt, lte, missing, ne"));
        List<ValidationError> meaning = errors("""
                {"id": "dwell", "trigger": {"event": "ZoneDwelled", "where": [
                   {"path": "event.dwell", "op": "gte", "value": "30 seconds"},
                   {"path": "event.zone", "op": "gt", "value": "a"},
                   {"path": "event.aisle", "op": "exists"},
                   {"path": "zone", "op": "eq", "value": "a"},
                   {"path": "event.zone", "op": "in", "value": []},
                   {"path": "event.zone", "op": "exists", "value": "a"}]},
                 "steps": [{"id": "push", "type": "send", "channel": "APP", "template": "in-store-offer-push"}]}
                """);
        assertThat(meaning).containsExactly(
                new ValidationError("/trigger/where/0/value", "must be an ISO-8601 duration like PT30S, or seconds"),
                new ValidationError("/trigger/where/1/value",
                        "'gt' compares numbers, durations and instants, not a String"),
                new ValidationError("/trigger/where/2/path",
                        "unknown field 'aisle' of ZoneDwelled; known: store, zone, visit, device, dwell, at"),
                new ValidationError("/trigger/where/3/path",
                        "must start with 'event.' (the trigger event) or 'vars.' (a run variable)"),
                new ValidationError("/trigger/where/4/value", "'in' needs a non-empty array"),
                new ValidationError("/trigger/where/5/value", "'exists' takes no value"));
    }

    @Test
    void exitAndGoalKeysMustBeCarriedByBothEvents() {
        List<ValidationError> errors = errors(journey("[" + SEND + "]")
                .replace("\"match\": [\"checkout\"]", "\"match\": [\"visit\"]")
                .replace("\"exitEvents\"", "\"goal\": {\"event\": \"OrderPaid\", \"within\": \"P5D\","
                        + " \"match\": [\"order\"]}, \"exitEvents\""));

        assertThat(errors).containsExactly(
                new ValidationError("/exitEvents/0/match/0", "OrderPlaced has no visit"),
                new ValidationError("/goal/match/0",
                        "the trigger CheckoutUpdated has no order, so a run never has one to match"));
    }

    @Test
    void offersNeedASensibleDiscount() {
        List<ValidationError> errors = errors(journey("""
                [{"id": "a", "type": "offer", "discount": {"kind": "percent", "value": 120, "expiresIn": "P1D"}},
                 {"id": "b", "type": "offer", "discount": {"kind": "amount", "value": 5.001, "currency": "EUR",
                   "expiresIn": "P1D"}},
                 {"id": "c", "type": "offer", "discount": {"kind": "amount", "value": 5, "expiresIn": "P1D"}}]
                """));

        assertThat(errors).containsExactly(
                new ValidationError("/steps/0/discount/value", "a percentage must be more than 0 and at most 100"),
                new ValidationError("/steps/1/discount/value", "too many decimals for EUR"),
                new ValidationError("/steps/2/discount/currency", "an amount needs an ISO 4217 currency"));
    }

    @Test
    void idsMustBeSlugs() {
        List<ValidationError> errors = errors(journey("[{\"id\": \"Send SMS\", \"type\": \"send\","
                + " \"channel\": \"SMS\", \"template\": \"abandoned-checkout-sms\"},"
                + " {\"id\": \"end\", \"type\": \"wait\", \"duration\": \"PT1H\"}]").replace("cart-nudge", "Cart/Nudge"));

        assertThat(errors).extracting(ValidationError::path).containsExactly("/id", "/steps/0/id", "/steps/1/id");
    }
}
