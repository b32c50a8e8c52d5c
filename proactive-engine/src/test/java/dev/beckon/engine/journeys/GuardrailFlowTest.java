package dev.beckon.engine.journeys;

import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.RecordingChannel;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.guardrails.QuietHours;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import static dev.beckon.engine.Events.SHOP;
import static dev.beckon.engine.Events.checkout;
import static dev.beckon.engine.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The live guardrail chain inside the engine: quiet hours in the shopper's zone defer, the frequency cap skips,
 * the re-entry cooldown keeps a shopper out, stale timers are skipped, and every decision is on the timeline.
 * Subclasses run the same flows on other databases.
 */
class GuardrailFlowTest {

    /** The test phone number is in San Francisco: 22:00 there, after the default 08:00–20:00 window. */
    static final Instant NIGHT = Instant.parse("2026-11-24T06:00:00Z");
    /** 11:00 in San Francisco. */
    static final Instant DAY = Instant.parse("2026-11-23T19:00:00Z");
    static final String PHONE = "+14155550100";
    /** The customer id {@link dev.beckon.engine.Events#checkout} gives Ann. */
    static final String ANN = "603851970716743426";

    MutableClock clock;
    RecordingChannel sms;
    DataSource dataSource;
    ProactiveEngine engine;

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(DAY.minus(Duration.ofHours(1)));
        sms = new RecordingChannel();
        dataSource = database();
        ProactiveEngine.migrate(dataSource);
        engine = new ProactiveEngine(dataSource, EngineSettings.defaults(), List.of(sms), clock);
    }

    void settle() {
        for (int i = 0; i < 20 && engine.runOnce() > 0; i++) {
            // keep going
        }
    }

    /** A checkout by Ann whose one-hour wait ends at {@code due}. */
    void checkoutDueAt(String token, Instant due) {
        clock.set(due.minus(Duration.ofHours(1)));
        engine.accept(List.of(envelope(checkout(token, PHONE, Consent.State.SUBSCRIBED, clock.instant()),
                "e-" + token, clock.instant())));
        settle();
    }

    MessageView onlyMessage() {
        List<MessageView> messages = engine.messages(SHOP, 10);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void atNightTheNudgeIsDeferredToEightInTheShoppersZoneAndThenSent() {
        checkoutDueAt("c1", NIGHT);
        clock.set(NIGHT);
        settle();

        MessageView deferred = onlyMessage();
        assertThat(sms.sent()).isEmpty();
        assertThat(deferred.state()).isEqualTo(MessageState.DEFERRED);
        assertThat(deferred.state().wireName()).isEqualTo("deferred");
        assertThat(deferred.dueAt()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z")); // 08:00 in Los Angeles
        assertThat(deferred.reason()).isEqualTo("quiet hours in America/Los_Angeles, from the phone number,"
                + " country US (sending 08:00–20:00 local); goes at 08:00 America/Los_Angeles time");

        clock.set(Instant.parse("2026-11-24T15:59:00Z"));
        settle();
        assertThat(sms.sent()).isEmpty();

        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        settle();
        assertThat(sms.sent()).hasSize(1);
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SENT);
        assertThat(engine.decisions(MessageId.of(deferred.id())))
                .extracting(RecordedDecision::guardrail, RecordedDecision::outcome, RecordedDecision::until)
                .containsExactly(tuple("quiet hours", "defer", Instant.parse("2026-11-24T16:00:00Z")),
                        tuple("all", "allow", null));
    }

    @Test
    void theShopsOwnWindowApplies() {
        engine.updateShopSettings(SHOP, engine.shopSettings(SHOP)
                .withQuietHours(new QuietHours(LocalTime.of(7, 0), LocalTime.of(23, 0))));
        checkoutDueAt("c1", NIGHT); // 22:00 in Los Angeles: inside 07:00–23:00
        clock.set(NIGHT);
        settle();

        assertThat(sms.sent()).hasSize(1);
    }

    @Test
    void aStopReceivedWhileTheMessageIsHeldSkipsItWhenItWakes() {
        checkoutDueAt("c1", NIGHT);
        clock.set(NIGHT);
        settle();
        clock.advance(Duration.ofHours(1));
        engine.accept(List.of(envelope(new ConsentChanged(null, PHONE,
                Consent.marketing(ChannelType.SMS, Consent.State.UNSUBSCRIBED, "sms:STOP", clock.instant())),
                "stop", clock.instant())));
        settle();

        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        settle();

        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SKIPPED);
        assertThat(onlyMessage().reason()).isEqualTo("no sms marketing consent: state is unsubscribed (source sms:STOP)");
    }

    @Test
    void aSecondNudgeToTheSamePhoneWithinTheCapIsSkippedWithTheReason() {
        engine.updateShopSettings(SHOP, engine.shopSettings(SHOP).withReentryCooldown(Duration.ZERO));
        checkoutDueAt("c1", DAY);
        clock.set(DAY);
        settle();
        checkoutDueAt("c2", DAY.plus(Duration.ofHours(3)));
        clock.set(DAY.plus(Duration.ofHours(3)));
        settle();

        assertOneSentAndOneSkippedByTheCapSentAt(DAY);
    }

    @Test
    void twoNudgesToTheSamePhoneDueTogetherAreDecidedInOneBatchAndOnlyOneGoes() {
        engine.updateShopSettings(SHOP, engine.shopSettings(SHOP).withReentryCooldown(Duration.ZERO));
        clock.set(DAY.minus(Duration.ofHours(1)));
        engine.accept(List.of(
                envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, clock.instant()), "e-c1", clock.instant()),
                envelope(checkout("c2", PHONE, Consent.State.SUBSCRIBED, clock.instant()), "e-c2", clock.instant())));
        settle();
        clock.set(DAY);

        assertThat(engine.runOnce()).as("both timers fire in one pass").isGreaterThanOrEqualTo(2);

        assertOneSentAndOneSkippedByTheCapSentAt(DAY);
    }

    /** One SMS went; the other nudge's message is skipped, saying the cap was reached by the one sent at {@code at}. */
    void assertOneSentAndOneSkippedByTheCapSentAt(Instant at) {
        assertThat(sms.sent()).hasSize(1);
        List<MessageView> messages = engine.messages(SHOP, 10);
        assertThat(messages).extracting(MessageView::state)
                .containsExactlyInAnyOrder(MessageState.SENT, MessageState.SKIPPED);
        assertThat(messages).filteredOn(m -> m.state() == MessageState.SKIPPED).singleElement()
                .extracting(MessageView::reason)
                .isEqualTo("frequency cap SMS 1 per 24h reached (last at " + at + ")");
    }

    @Test
    void afterTheCapWindowTheNextNudgeGoes() {
        engine.updateShopSettings(SHOP, engine.shopSettings(SHOP).withReentryCooldown(Duration.ZERO));
        checkoutDueAt("c1", DAY);
        clock.set(DAY);
        settle();
        checkoutDueAt("c2", DAY.plus(Duration.ofHours(24)));
        clock.set(DAY.plus(Duration.ofHours(24)));
        settle();

        assertThat(sms.sent()).hasSize(2);
    }

    @Test
    void aShopperWhoReentersWithinTheCooldownIsNotEnteredAndTheTimelineSaysWhy() {
        checkoutDueAt("c1", DAY);
        clock.set(DAY);
        settle();
        checkoutDueAt("c2", DAY.plus(Duration.ofDays(2)));
        clock.set(DAY.plus(Duration.ofDays(2)));
        settle();

        assertThat(sms.sent()).hasSize(1);
        // c1's e-mail step ran after 24 h (skipped: Ann gave no e-mail consent); c2 made no message at all.
        assertThat(engine.messages(SHOP, 10)).extracting(MessageView::channel).containsExactlyInAnyOrder("sms",
                "email");
        assertThat(engine.timeline(SHOP, ANN, 100)).filteredOn(e -> e.kind() == TimelineEntry.Kind.DECISION)
                .extracting(e -> e.details().get("guardrail"), e -> e.details().get("outcome"))
                .containsExactlyInAnyOrder(tuple("all", "allow"), tuple("consent", "skip"),
                        tuple("re-entry cooldown", "skip"));
        assertThat(engine.timeline(SHOP, ANN, 100)).filteredOn(e -> e.kind() == TimelineEntry.Kind.DECISION)
                .filteredOn(e -> "re-entry cooldown".equals(e.details().get("guardrail"))).singleElement()
                .extracting(TimelineEntry::summary).isEqualTo("skip by re-entry cooldown: re-entry cooldown:"
                        + " entered abandoned-checkout 2d ago (at 2026-11-23T18:00:00Z); the shop allows re-entry"
                        + " after 7d");
    }

    @Test
    void afterTheCooldownTheShopperEntersAgain() {
        checkoutDueAt("c1", DAY);
        clock.set(DAY);
        settle();
        checkoutDueAt("c2", DAY.plus(Duration.ofDays(7)));
        clock.set(DAY.plus(Duration.ofDays(7)));
        settle();

        assertThat(sms.sent()).hasSize(2);
    }

    @Test
    void aNudgeMoreThanTwelveHoursLateAfterDowntimeIsSkippedAsStale() {
        checkoutDueAt("c1", DAY);
        clock.set(DAY.plus(Duration.ofHours(12)).plusSeconds(1)); // the suite was down
        settle();

        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SKIPPED);
        assertThat(onlyMessage().reason()).isEqualTo("stale: the step's timer fired 12h 1s late, more than the 12h"
                + " this step allows (the engine was down or behind)");
        assertThat(engine.timerLateness().last()).isEqualTo(Duration.ofHours(12).plusSeconds(1));
    }

    @Test
    void aNudgeAFewHoursLateIsStillSentAndItsLatenessReported() {
        checkoutDueAt("c1", DAY);
        clock.set(DAY.plus(Duration.ofHours(5)));
        settle();

        assertThat(sms.sent()).hasSize(1);
        assertThat(engine.timerLateness().count()).isEqualTo(1);
        assertThat(engine.timerLateness().max()).isEqualTo(Duration.ofHours(5));
        assertThat(engine.timerLateness().p99()).isEqualTo(Duration.ofHours(5));
        assertThat(engine.lastTimerLatenessMillis()).isEqualTo(Duration.ofHours(5).toMillis());
    }

    @Test
    void theTimelineShowsEventsEntriesDecisionsAndMessagesInOrder() {
        checkoutDueAt("c1", NIGHT);
        clock.set(NIGHT);
        settle();
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        settle();

        List<TimelineEntry> timeline = engine.timeline(SHOP, ANN, 100);

        assertThat(timeline).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at));
        // The run stays in the journey after the SMS: its e-mail step (with a discount code) comes 24 h later.
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(
                TimelineEntry.Kind.EVENT, TimelineEntry.Kind.JOURNEY_ENTERED, TimelineEntry.Kind.MESSAGE,
                TimelineEntry.Kind.DECISION, TimelineEntry.Kind.DECISION);
        assertThat(timeline.get(0).summary()).isEqualTo("CheckoutUpdated from shopify");
        assertThat(timeline.get(2).details()).containsEntry("state", "sent").containsEntry("channel", "sms");
        assertThat(timeline.get(3).details()).containsEntry("guardrail", "quiet hours")
                .containsEntry("outcome", "defer").containsEntry("until", "2026-11-24T16:00:00Z");
        assertThat(timeline.get(4).details()).containsEntry("outcome", "allow");
        assertThat(engine.timeline(SHOP, ANN, 2)).extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.DECISION, TimelineEntry.Kind.DECISION);
        assertThat(engine.timeline(SHOP, "someone-else", 10)).isEmpty();
    }
}
