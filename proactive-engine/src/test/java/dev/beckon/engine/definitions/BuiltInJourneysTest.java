package dev.beckon.engine.definitions;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.templates.DefaultTemplates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInJourneysTest {

    static final BuiltInJourneys BUILT_INS = BuiltInJourneys.load(DefaultTemplates.load());

    @Test
    void theSixBuiltInsHaveStableIds() {
        assertThat(BUILT_INS.all()).extracting(JourneyDefinition::id).containsExactly("abandoned-checkout",
                "browse-abandonment", "thank-you", "order-updates", "win-back", "in-store-offer");
        assertThat(BUILT_INS.all()).allMatch(JourneyDefinition::enabled);
        assertThatThrownBy(() -> BUILT_INS.get("welcome"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known: abandoned-checkout, browse-abandonment");
    }

    @Test
    void abandonedCheckoutIsAnSmsAfterAnHourThenAnEmailWithASingleUseCodeADayLater() {
        JourneyDefinition j = BUILT_INS.get("abandoned-checkout");

        assertThat(j.trigger().event()).isEqualTo("CheckoutUpdated");
        assertThat(j.steps()).containsExactly(
                new Step.Wait("wait-1h", Duration.ofHours(1), null, Goto.NEXT),
                new Step.Send("sms-reminder", ChannelType.SMS, TemplateRef.id("abandoned-checkout-sms"),
                        Duration.ofHours(12), Goto.NEXT),
                new Step.Wait("wait-23h", Duration.ofHours(23), null, Goto.NEXT),
                new Step.Offer("discount", new DiscountSpec(DiscountSpec.Kind.PERCENT, BigDecimal.TEN, null, true,
                        Duration.ofDays(7)), Goto.NEXT),
                new Step.Send("email-reminder", ChannelType.EMAIL, TemplateRef.id("abandoned-checkout-email"),
                        Duration.ofDays(1), Goto.NEXT));
        assertThat(j.exitEvents().get(0)).isEqualTo(new ExitRule("OrderPlaced",
                List.of(SubjectKey.CHECKOUT, SubjectKey.CART_TOKEN), List.of()));
        assertThat(j.goal()).isEqualTo(new Goal("OrderPlaced", Duration.ofDays(5),
                List.of(SubjectKey.CHECKOUT, SubjectKey.CART_TOKEN)));
        assertThat(j.transactional()).isFalse();
    }

    @Test
    void theOtherBuiltInsHaveTheirTriggersAndShapes() {
        assertThat(BUILT_INS.get("browse-abandonment").trigger().event()).isEqualTo("ProductViewed");
        assertThat(BUILT_INS.get("thank-you").steps().get(0)).isInstanceOf(Step.Video.class);
        assertThat(BUILT_INS.get("thank-you").steps().get(1)).isInstanceOf(Step.Send.class);
        JourneyDefinition updates = BUILT_INS.get("order-updates");
        assertThat(updates.trigger().event()).isEqualTo("OrderFulfilled");
        assertThat(updates.transactional()).isTrue();
        assertThat(updates.steps()).extracting(s -> ((Step.Send) s).channel())
                .containsExactly(ChannelType.SMS, ChannelType.EMAIL);
        JourneyDefinition winBack = BUILT_INS.get("win-back");
        assertThat(winBack.steps().get(0)).isEqualTo(new Step.Wait("wait-60d", Duration.ofDays(60),
                LocalTime.of(10, 0), Goto.NEXT));
        assertThat(winBack.exitEvents()).extracting(ExitRule::event).containsExactly("OrderPlaced");
        JourneyDefinition inStore = BUILT_INS.get("in-store-offer");
        assertThat(inStore.trigger().event()).isEqualTo("ZoneDwelled");
        assertThat(inStore.reEntryCooldown()).isEqualTo(Duration.ofHours(4));
        assertThat(inStore.steps()).last().isEqualTo(new Step.Send("in-store-push", ChannelType.APP,
                TemplateRef.id("in-store-offer-push"), Duration.ofMinutes(10), Goto.NEXT));
    }

    @Test
    void everyBuiltInSurvivesAWriteAndReadUnchanged() throws JourneyValidationException {
        for (JourneyDefinition j : BUILT_INS.all()) {
            String json = BUILT_INS.codec().write(j);
            JourneyDefinition back = BUILT_INS.codec().read(json);
            assertThat(back).as(j.id()).isEqualTo(j);
            assertThat(BUILT_INS.codec().write(back)).as(j.id()).isEqualTo(json);
        }
    }

    @Test
    void aShopMayEditABuiltInButNotItsTrigger() throws JourneyValidationException {
        JourneyCodec codec = BUILT_INS.codec();
        String json = codec.write(BUILT_INS.get("abandoned-checkout"));

        JourneyDefinition off = codec.read(json.replace("\"enabled\":true", "\"enabled\":false")
                .replace("\"PT1H\"", "\"PT30M\""));
        assertThat(off.enabled()).isFalse();
        assertThat(off.steps().get(0)).isEqualTo(new Step.Wait("wait-1h", Duration.ofMinutes(30), null, Goto.NEXT));

        assertThatThrownBy(() -> codec.read(json.replace("\"trigger\":{\"event\":\"CheckoutUpdated\",",
                "\"trigger\":{\"event\":\"CartItemAdded\",").replace("event.completedAt\",\"op\":\"missing\"",
                "event.addedAt\",\"op\":\"exists\"")))
                .isInstanceOfSatisfying(JourneyValidationException.class, e -> assertThat(e.errors())
                        .contains(new ValidationError("/trigger", "the built-in journey 'abandoned-checkout' keeps"
                                + " its trigger (CheckoutUpdated); copy it under a new id to change the trigger")));
    }
}
