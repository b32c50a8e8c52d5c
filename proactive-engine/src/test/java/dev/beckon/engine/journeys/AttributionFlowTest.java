package dev.beckon.engine.journeys;

import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.RecordingChannel;
import dev.beckon.engine.attribution.StepStats;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.beckon.engine.Events.SHOP;
import static dev.beckon.engine.Events.checkout;
import static dev.beckon.engine.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders attributed to the last message that touched the shopper, within Klaviyo's default windows (SMS click
 * 5 days, SMS delivery 12 hours), and the journey's per-step report.
 */
class AttributionFlowTest {

    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z"); // 10:00 in San Francisco
    static final Instant SENT = T0.plus(Duration.ofHours(1));
    static final String ANN = "603851970716743426";

    MutableClock clock;
    RecordingChannel sms;
    ProactiveEngine engine;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        sms = new RecordingChannel();
        var db = TestDatabases.h2();
        ProactiveEngine.migrate(db);
        engine = new ProactiveEngine(db, EngineSettings.defaults(), List.of(sms), clock);
        engine.accept(List.of(envelope(checkout("c1", "+14155550100", Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.set(SENT);
        settle();
        assertThat(sms.sent()).hasSize(1);
    }

    void settle() {
        for (int i = 0; i < 20 && engine.runOnce() > 0; i++) {
            // keep going
        }
    }

    MessageView sms() {
        return engine.messages(SHOP, 10).get(0);
    }

    /** Ann orders on another checkout (not the one nudged), as a signed-in customer. */
    void annOrders(String orderId, Instant at, Money total) {
        clock.set(at);
        OrderPlaced order = new OrderPlaced(OrderId.of(orderId), "#" + orderId, null, null,
                new Shopper(CustomerId.of(ANN), "Ann", "Lee", null, null, List.of()), List.of(), total, at);
        engine.accept(List.of(envelope(order, "order-" + orderId, at)));
        settle();
    }

    @Test
    void anOrderWithinTwelveHoursOfTheSmsIsItsConversion() {
        annOrders("1001", SENT.plus(Duration.ofHours(11)), Money.of("421.88", "USD"));

        assertThat(engine.journeyStats(SHOP, "abandoned-checkout")).containsExactly(
                new StepStats("sms-reminder", 1, 0, 0, 1, List.of(Money.of("421.88", "USD"))));
    }

    @Test
    void withoutAClickAnOrderAfterTwelveHoursIsNotAttributed() {
        annOrders("1001", SENT.plus(Duration.ofHours(13)), Money.of("421.88", "USD"));

        assertThat(engine.journeyStats(SHOP, "abandoned-checkout")).containsExactly(
                new StepStats("sms-reminder", 1, 0, 0, 0, List.of()));
    }

    @Test
    void aClickKeepsTheMessageInTheRunningForFiveDays() {
        assertThat(engine.recordClick(MessageId.of(sms().id()), SENT.plus(Duration.ofHours(2)))).isTrue();
        annOrders("1001", SENT.plus(Duration.ofDays(4)), Money.of("99.50", "EUR"));
        annOrders("1002", SENT.plus(Duration.ofDays(6)), Money.of("10.00", "EUR"));

        assertThat(engine.journeyStats(SHOP, "abandoned-checkout")).containsExactly(
                new StepStats("email-reminder", 0, 0, 0, 0, List.of()), // skipped: no e-mail consent
                new StepStats("sms-reminder", 1, 0, 1, 1, List.of(Money.of("99.50", "EUR"))));
        // The e-mail step (24 h after the SMS) is on the timeline too; the SMS is the one converted.
        assertThat(engine.timeline(SHOP, ANN, 50)).filteredOn(e -> e.kind() == TimelineEntry.Kind.MESSAGE)
                .filteredOn(e -> "sms".equals(e.details().get("channel"))).singleElement().satisfies(m -> assertThat(m.details())
                        .containsEntry("convertedOrder", "#1001").containsEntry("revenue", "99.50 EUR")
                        .containsEntry("clickedAt", SENT.plus(Duration.ofHours(2)).toString()));
    }

    @Test
    void theOrderOfTheNudgedCheckoutIsAttributedEvenWithoutACustomerId() {
        clock.set(SENT.plus(Duration.ofHours(1)));
        engine.accept(List.of(envelope(dev.beckon.engine.Events.order("o-77", "c1", clock.instant()), "order",
                clock.instant())));
        settle();

        assertThat(engine.journeyStats(SHOP, "abandoned-checkout")).singleElement()
                .satisfies(s -> assertThat(s.converted()).isEqualTo(1));
    }

    @Test
    void deliveryReceiptsAreCounted() {
        assertThat(engine.recordDelivery(MessageId.of(sms().id()), SENT.plusSeconds(4))).isTrue();

        assertThat(sms().state()).isEqualTo(MessageState.DELIVERED);
        assertThat(engine.journeyStats(SHOP, "abandoned-checkout")).singleElement()
                .satisfies(s -> assertThat(s.delivered()).isEqualTo(1));
    }

    @Test
    void aClickOnAnUnknownMessageSaysSo() {
        assertThat(engine.recordClick(MessageId.of("no-such-message"), SENT)).isFalse();
    }
}
