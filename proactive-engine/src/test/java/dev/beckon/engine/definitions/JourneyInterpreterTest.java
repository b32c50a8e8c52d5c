package dev.beckon.engine.definitions;

import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderCancelled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.engine.templates.MessageModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JourneyInterpreterTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    final JourneyInterpreter interpreter = new JourneyInterpreter();
    final MutableClock clock = new MutableClock(T0);
    final JourneyDefinition abandoned = BuiltInJourneysTest.BUILT_INS.get("abandoned-checkout");

    static Shopper ann() {
        return new Shopper(CustomerId.of("603851970716743426"), "Ann", "Lee", "ann@example.com", "+34600000000",
                List.of());
    }

    static CheckoutUpdated checkout(String token, Instant completedAt) {
        return new CheckoutUpdated(CheckoutId.of(token), "cart-" + token, ann(),
                List.of(new LineItem(ProductId.of("632910392"), "808950810", "IPOD2008PINK", "IPod Nano - 8GB", 1,
                        Money.of("199.00", "USD"))),
                Money.of("199.00", "USD"), URI.create("https://shop.example/checkouts/" + token + "/recover?key=k"),
                T0, completedAt);
    }

    static OrderPlaced order(String checkout, String cartToken) {
        return new OrderPlaced(OrderId.of("820982911946154508"), "#1001",
                checkout == null ? null : CheckoutId.of(checkout), cartToken, ann(), List.of(),
                Money.of("199.00", "USD"), T0);
    }

    static ZoneDwelled dwelled(String zone, Duration dwell) {
        return new ZoneDwelled(StoreId.of("store-1"), StoreZoneId.of(zone), VisitId.of("visit-1"),
                DeviceId.of("device-1"), dwell, T0);
    }

    Outcome advance(JourneyDefinition j, RunState state, Input input) {
        return interpreter.advance(j, state, input, clock.instant(), MADRID);
    }

    Outcome start(JourneyDefinition j, String runId, EventPayload event) {
        return advance(j, RunState.start(runId), new Input.Start(event, clock.instant()));
    }

    @Test
    void abandonedCheckoutSendsAnSmsAfterAnHourThenAnEmailWithACodeADayLater() {
        Outcome entered = start(abandoned, "run-1", checkout("c1", null));
        assertThat(entered.actions()).containsExactly(new Action.ScheduleWake("wait-1h", T0.plus(Duration.ofHours(1))));
        assertThat(entered.state().status()).isEqualTo(RunState.Status.WAITING);

        clock.advance(Duration.ofHours(1));
        Outcome sms = advance(abandoned, entered.state(), new Input.TimerDue("wait-1h", clock.instant()));
        MessageModel model = new MessageModel(null, "Ann", null,
                List.of(new MessageModel.Line("IPod Nano - 8GB", 1, Money.of("199.00", "USD"))),
                Money.of("199.00", "USD"), "https://shop.example/checkouts/c1/recover?key=k", null, null, null, null,
                null);
        assertThat(sms.actions()).containsExactly(
                new Action.SendMessage("sms-reminder", ChannelType.SMS, TemplateRef.id("abandoned-checkout-sms"),
                        model, false),
                new Action.ScheduleWake("wait-23h", T0.plus(Duration.ofHours(24))));

        clock.advance(Duration.ofHours(23));
        Outcome offer = advance(abandoned, sms.state(), new Input.TimerDue("wait-23h", clock.instant()));
        assertThat(offer.actions()).containsExactly(new Action.CreateOffer("discount",
                new DiscountSpec(DiscountSpec.Kind.PERCENT, BigDecimal.TEN, null, true, Duration.ofDays(7)),
                T0.plus(Duration.ofDays(8))));
        assertThat(offer.state().status()).isEqualTo(RunState.Status.AWAITING_OFFER);

        Outcome email = advance(abandoned, offer.state(), new Input.OfferCreated("discount", "SAVE-4F7Q"));
        assertThat(email.actions()).hasSize(2);
        assertThat(email.actions().get(0)).isInstanceOfSatisfying(Action.SendMessage.class, send -> {
            assertThat(send.stepId()).isEqualTo("email-reminder");
            assertThat(send.channel()).isEqualTo(ChannelType.EMAIL);
            assertThat(send.model().discountCode()).isEqualTo("SAVE-4F7Q");
            assertThat(send.model().discountText()).isEqualTo("10%");
        });
        assertThat(email.actions().get(1)).isEqualTo(new Action.Complete());
        assertThat(email.state().status()).isEqualTo(RunState.Status.COMPLETED);
        assertThat(email.state().lastSentAt()).isEqualTo(clock.instant());
    }

    @Test
    void aCartNudgeTwoDaysLateIsSkippedAndTheRunGoesOn() {
        RunState waiting = start(abandoned, "run-1", checkout("c1", null)).state();

        clock.advance(Duration.ofHours(1).plusDays(2)); // the engine was down
        Outcome late = advance(abandoned, waiting, new Input.TimerDue("wait-1h", T0.plus(Duration.ofHours(1))));

        assertThat(late.actions()).containsExactly(new Action.SkipStale("sms-reminder", Duration.ofDays(2)),
                new Action.ScheduleWake("wait-23h", clock.instant().plus(Duration.ofHours(23))));
        assertThat(late.state().lastSentAt()).isNull();
    }

    @Test
    void aNudgeLateByLessThanItsLimitStillGoes() {
        RunState waiting = start(abandoned, "run-1", checkout("c1", null)).state();

        clock.advance(Duration.ofHours(12)); // 11 h late, the limit is 12 h
        Outcome late = advance(abandoned, waiting, new Input.TimerDue("wait-1h", T0.plus(Duration.ofHours(1))));

        assertThat(late.actions().get(0)).isInstanceOf(Action.SendMessage.class);
    }

    @Test
    void anOrderForTheCheckoutOrItsCartEndsTheRun() {
        RunState waiting = start(abandoned, "run-1", checkout("c1", null)).state();

        assertThat(advance(abandoned, waiting, new Input.Event(order("c2", "cart-c2"))).actions()).isEmpty();
        Outcome byCheckout = advance(abandoned, waiting, new Input.Event(order("c1", null)));
        assertThat(byCheckout.actions()).containsExactly(new Action.Exit("OrderPlaced for the run's checkout"));
        assertThat(byCheckout.state().status()).isEqualTo(RunState.Status.EXITED);
        assertThat(advance(abandoned, waiting, new Input.Event(order(null, "cart-c1"))).actions())
                .containsExactly(new Action.Exit("OrderPlaced for the run's cartToken"));

        // a timer that fires after the exit does nothing
        assertThat(advance(abandoned, byCheckout.state(), new Input.TimerDue("wait-1h", T0)).actions()).isEmpty();
    }

    @Test
    void aCompletedCheckoutEndsTheRunButAnotherUpdateDoesNot() {
        RunState waiting = start(abandoned, "run-1", checkout("c1", null)).state();

        assertThat(advance(abandoned, waiting, new Input.Event(checkout("c1", null))).actions()).isEmpty();
        assertThat(advance(abandoned, waiting, new Input.Event(checkout("c1", T0))).actions())
                .containsExactly(new Action.Exit("CheckoutUpdated for the run's checkout"));
    }

    @Test
    void aTimerForAnotherStepOrADuplicateChangesNothing() {
        RunState waiting = start(abandoned, "run-1", checkout("c1", null)).state();
        clock.advance(Duration.ofHours(1));
        RunState next = advance(abandoned, waiting, new Input.TimerDue("wait-1h", clock.instant())).state();

        Outcome duplicate = advance(abandoned, next, new Input.TimerDue("wait-1h", clock.instant()));

        assertThat(duplicate.actions()).isEmpty();
        assertThat(duplicate.state()).isEqualTo(next);
    }

    @Test
    void entryChecksTheTriggerFilterConditionsAndCooldown() {
        Instant now = clock.instant();
        assertThat(interpreter.mayEnter(abandoned, checkout("c1", null), null, now))
                .isEqualTo(new EntryDecision.Enter());
        assertThat(interpreter.mayEnter(abandoned, order("c1", null), null, now))
                .isEqualTo(new EntryDecision.Ignore("journey abandoned-checkout starts on CheckoutUpdated"));
        assertThat(interpreter.mayEnter(abandoned, checkout("c1", T0), null, now))
                .isEqualTo(new EntryDecision.Ignore("trigger filter event.completedAt missing does not hold"));
        CheckoutUpdated noLink = new CheckoutUpdated(CheckoutId.of("c1"), null, ann(), List.of(), null, null, T0,
                null);
        assertThat(interpreter.mayEnter(abandoned, noLink, null, now))
                .isEqualTo(new EntryDecision.Ignore("entry condition event.recoveryUrl exists does not hold"));
        // The built-in keeps a shopper out for 7 days, the shops' default before journeys were data.
        assertThat(interpreter.mayEnter(abandoned, checkout("c1", null), now.minus(Duration.ofHours(2)), now))
                .isEqualTo(new EntryDecision.CoolingDown(now.plus(Duration.ofDays(7)).minus(Duration.ofHours(2))));
        assertThat(interpreter.mayEnter(abandoned, checkout("c1", null), now.minus(Duration.ofDays(7)), now))
                .isEqualTo(new EntryDecision.Enter());
        assertThat(interpreter.mayEnter(abandoned.withEnabled(false), checkout("c1", null), null, now))
                .isEqualTo(new EntryDecision.Ignore("journey abandoned-checkout is off"));
    }

    @Test
    void theGoalCountsAnOrderWithinFiveDaysOfTheLastMessage() {
        RunState waiting = start(abandoned, "run-1", checkout("c1", null)).state();
        assertThat(interpreter.reachesGoal(abandoned, waiting, order("c1", null), T0))
                .as("no message yet").isFalse();
        clock.advance(Duration.ofHours(1));
        RunState sent = advance(abandoned, waiting, new Input.TimerDue("wait-1h", clock.instant())).state();

        assertThat(interpreter.reachesGoal(abandoned, sent, order("c1", null), clock.instant().plus(Duration.ofDays(5))))
                .isTrue();
        assertThat(interpreter.reachesGoal(abandoned, sent, order("c1", null),
                clock.instant().plus(Duration.ofDays(5)).plusSeconds(1))).isFalse();
        assertThat(interpreter.reachesGoal(abandoned, sent, order("c9", null), clock.instant())).isFalse();
    }

    static JourneyDefinition waitUntil(Duration duration, LocalTime until) {
        return new JourneyDefinition("morning", "Morning", true, new Trigger("CheckoutUpdated", List.of()), List.of(),
                List.of(new Step.Wait("until", duration, until, Goto.NEXT),
                        new Step.Send("sms", ChannelType.SMS, TemplateRef.id("abandoned-checkout-sms"), null,
                                Goto.NEXT)),
                List.of(), null, Duration.ZERO, false);
    }

    static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    @Test
    void waitingUntilTenOnTheDayClocksSpringForwardIsTwentyThreeHoursFromSaturdayNoon() {
        JourneyDefinition j = waitUntil(null, LocalTime.of(10, 0));
        clock.set(madrid("2026-03-28T12:00")); // Saturday, CET (UTC+1)

        Outcome waiting = start(j, "run-1", checkout("c1", null));

        Instant wake = Instant.parse("2026-03-29T08:00:00Z"); // Sunday 10:00 CEST (UTC+2)
        assertThat(waiting.actions()).containsExactly(new Action.ScheduleWake("until", wake));
        assertThat(Duration.between(clock.instant(), wake)).isEqualTo(Duration.ofHours(21));
        clock.set(wake);
        Outcome sent = advance(j, waiting.state(), new Input.TimerDue("until", wake));
        assertThat(sent.actions()).hasSize(2).first().isInstanceOf(Action.SendMessage.class);
    }

    @Test
    void aTimeOfDayInsideTheDstGapMovesToTheHourAfter() {
        clock.set(madrid("2026-03-28T23:00"));

        Outcome waiting = start(waitUntil(null, LocalTime.of(2, 30)), "run-1", checkout("c1", null));

        // 02:30 does not exist on 2026-03-29 in Madrid: it is 03:30 CEST, 01:30 UTC
        assertThat(waiting.actions()).containsExactly(new Action.ScheduleWake("until",
                Instant.parse("2026-03-29T01:30:00Z")));
    }

    @Test
    void waitingUntilTenWhenClocksFallBackKeepsTheWallClock() {
        clock.set(madrid("2026-10-24T11:00")); // Saturday, CEST; clocks go back on Sunday 03:00 -> 02:00

        Outcome waiting = start(waitUntil(Duration.ofHours(1), LocalTime.of(10, 0)), "run-1",
                checkout("c1", null));

        assertThat(waiting.actions()).containsExactly(new Action.ScheduleWake("until",
                Instant.parse("2026-10-25T09:00:00Z"))); // Sunday 10:00 CET (UTC+1): 23 h later
    }

    @Test
    void aTimeOfDayStillAheadTodayIsToday() {
        clock.set(madrid("2026-11-23T08:15"));

        assertThat(start(waitUntil(null, LocalTime.of(10, 0)), "run-1", checkout("c1", null)).actions())
                .containsExactly(new Action.ScheduleWake("until", madrid("2026-11-23T10:00")));
        assertThat(start(waitUntil(Duration.ofDays(1), LocalTime.of(10, 0)), "run-1", checkout("c1", null))
                .actions()).containsExactly(new Action.ScheduleWake("until", madrid("2026-11-24T10:00")));
        assertThat(start(waitUntil(Duration.ofHours(2), LocalTime.of(10, 0)), "run-1", checkout("c1", null))
                .actions()).containsExactly(new Action.ScheduleWake("until", madrid("2026-11-24T10:00")));
    }

    static JourneyDefinition split(int a, int b) {
        return new JourneyDefinition("ab", "AB", true, new Trigger("CheckoutUpdated", List.of()), List.of(),
                List.of(new Step.Split("ab", List.of(new Step.Split.Variant("sms", a, Goto.NEXT),
                                new Step.Split.Variant("holdout", b, Goto.END))),
                        new Step.Send("sms", ChannelType.SMS, TemplateRef.id("abandoned-checkout-sms"), null,
                                Goto.NEXT)),
                List.of(), null, Duration.ZERO, false);
    }

    @Test
    void aSplitDrawsTheSameVariantForTheSameRunAndRecordsIt() {
        JourneyDefinition j = split(50, 50);

        Outcome first = start(j, "run-42", checkout("c1", null));
        Outcome again = start(j, "run-42", checkout("c1", null));

        assertThat(again).isEqualTo(first);
        assertThat(first.actions().get(0)).isInstanceOf(Action.RecordVariant.class);
        String variant = ((Action.RecordVariant) first.actions().get(0)).variant();
        assertThat(first.state().variants()).containsEntry("ab", variant);
        assertThat(first.actions()).last().isEqualTo(new Action.Complete());
        if (variant.equals("holdout")) {
            assertThat(first.actions()).hasSize(2);
        } else {
            assertThat(first.actions().get(1)).isInstanceOf(Action.SendMessage.class);
        }
    }

    @Test
    void splitsFollowTheirWeights() {
        Map<String, Integer> counts = new HashMap<>();
        JourneyDefinition j = split(80, 20);
        for (int i = 0; i < 1000; i++) {
            Outcome o = start(j, "run-" + i, checkout("c1", null));
            counts.merge(o.state().variants().get("ab"), 1, Integer::sum);
        }

        assertThat(counts.get("sms")).isBetween(750, 850);
        assertThat(counts.get("holdout")).isBetween(150, 250);
        assertThat(start(split(100, 0), "run-1", checkout("c1", null)).state().variants())
                .containsEntry("ab", "sms");
    }

    @Test
    void theInStoreOfferNeedsThirtySecondsOutsideTheCheckoutZone() {
        JourneyDefinition j = BuiltInJourneysTest.BUILT_INS.get("in-store-offer");

        assertThat(start(j, "r1", dwelled("shoes", Duration.ofSeconds(20))).actions())
                .containsExactly(new Action.Complete());
        assertThat(start(j, "r2", dwelled("checkout", Duration.ofSeconds(90))).actions())
                .containsExactly(new Action.Complete());
        Outcome offer = start(j, "r3", dwelled("shoes", Duration.ofSeconds(30)));
        assertThat(offer.actions()).containsExactly(new Action.CreateOffer("in-store-discount",
                new DiscountSpec(DiscountSpec.Kind.PERCENT, BigDecimal.TEN, null, true, Duration.ofHours(4)),
                clock.instant().plus(Duration.ofHours(4))));

        Outcome push = advance(j, offer.state(), new Input.OfferCreated("in-store-discount", "SHOE-10"));
        assertThat(push.actions().get(0)).isInstanceOfSatisfying(Action.SendMessage.class, send -> {
            assertThat(send.channel()).isEqualTo(ChannelType.APP);
            assertThat(send.model().discountCode()).isEqualTo("SHOE-10");
        });
        assertThat(advance(j, offer.state(), new Input.Event(new VisitEnded(StoreId.of("store-1"),
                VisitId.of("visit-1"), DeviceId.of("device-1"), T0, T0))).actions())
                .containsExactly(new Action.Exit("VisitEnded for the run's visit"));
    }

    @Test
    void theThankYouWaitsForTheVideoOrSendsWithoutItAfterTheFallbackTime() {
        JourneyDefinition j = BuiltInJourneysTest.BUILT_INS.get("thank-you");
        Outcome requested = start(j, "r1", order("c1", null));
        Instant due = clock.instant().plus(Duration.ofHours(24));
        assertThat(requested.actions()).containsExactly(new Action.RequestVideo("thank-you-video", due),
                new Action.ScheduleWake("thank-you-video", due));

        clock.advance(Duration.ofHours(3));
        Outcome ready = advance(j, requested.state(), new Input.VideoReady("thank-you-video",
                "https://beckon.example/v/abc"));
        assertThat(ready.actions().get(0)).isInstanceOfSatisfying(Action.SendMessage.class, send -> {
            assertThat(send.model().videoUrl()).isEqualTo("https://beckon.example/v/abc");
            assertThat(send.model().orderName()).isEqualTo("#1001");
        });
        clock.set(due);
        assertThat(advance(j, ready.state(), new Input.TimerDue("thank-you-video", due)).actions()).isEmpty();

        Outcome fallback = advance(j, requested.state(), new Input.TimerDue("thank-you-video", due));
        assertThat(fallback.actions().get(0)).isInstanceOfSatisfying(Action.SendMessage.class,
                send -> assertThat(send.model().videoUrl()).isNull());
        assertThat(fallback.state().variables()).containsEntry("videoFallback", "true");
        assertThat(advance(j, requested.state(), new Input.Event(new OrderCancelled(
                OrderId.of("820982911946154508"), ann(), "customer", T0))).actions())
                .containsExactly(new Action.Exit("OrderCancelled for the run's order"));
    }

    @Test
    void orderUpdatesAreTransactional() {
        JourneyDefinition j = BuiltInJourneysTest.BUILT_INS.get("order-updates");
        var fulfilled = new dev.beckon.api.event.OrderFulfilled(OrderId.of("820982911946154508"), ann(),
                URI.create("https://track.example/1Z999"), false, T0);

        Outcome o = start(j, "r1", fulfilled);

        assertThat(o.actions()).hasSize(3);
        assertThat(o.actions().subList(0, 2)).allSatisfy(a -> assertThat(a)
                .isInstanceOfSatisfying(Action.SendMessage.class, s -> {
                    assertThat(s.transactional()).isTrue();
                    assertThat(s.model().trackingUrl()).isEqualTo("https://track.example/1Z999");
                }));
    }

    @Test
    void misuseIsATypedError() {
        RunState started = start(abandoned, "run-1", checkout("c1", null)).state();

        assertThatThrownBy(() -> advance(abandoned, started, new Input.Start(checkout("c1", null), T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already started");
        assertThatThrownBy(() -> start(abandoned, "run-2", order("c1", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey abandoned-checkout starts on CheckoutUpdated, not OrderPlaced");
    }
}
