package dev.beckon.engine.journeys;

import dev.beckon.api.testing.TestDatabases;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.Shopper;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.RecordingChannel;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.definitions.BuiltInJourneys;
import dev.beckon.engine.inbox.EventCodec;
import dev.beckon.engine.inbox.InboxReceipt;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.scheduler.JdbcTimerStore;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import dev.beckon.engine.templates.DefaultTemplates;
import dev.beckon.engine.videos.VideoRequests;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.MessageView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.beckon.engine.Events.SHOP;
import static dev.beckon.engine.Events.checkout;
import static dev.beckon.engine.Events.envelope;
import static dev.beckon.engine.Events.order;
import static dev.beckon.engine.Events.uninstalled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abandoned-checkout journey end to end inside the engine: real database, moving clock, recording channel.
 * Subclasses run the same flows on other databases.
 */
class AbandonedCheckoutFlowTest {

    /** 10:00 in Los Angeles, where the test phone number is: inside the default 08:00–20:00 sending window. */
    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    static final String PHONE = "+14155550100";

    MutableClock clock;
    RecordingChannel sms;
    DataSource dataSource;
    ProactiveEngine engine;

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        sms = new RecordingChannel();
        dataSource = database();
        ProactiveEngine.migrate(dataSource);
        engine = newEngine();
    }

    ProactiveEngine newEngine() {
        return new ProactiveEngine(dataSource, EngineSettings.from(Map.of("beckon.outbox.retry-base", "PT10S")),
                List.of(sms), clock);
    }

    /** Runs passes until the engine is idle, as the suite's worker does. */
    void settle() {
        for (int i = 0; i < 20 && engine.runOnce() > 0; i++) {
            // keep going
        }
    }

    MessageView onlyMessage() {
        List<MessageView> messages = engine.messages(SHOP, 10);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void sendsOneSmsWithTheRecoveryLinkWhenNoOrderArrivesInTime() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();

        assertThat(onlyMessage().state()).isEqualTo(MessageState.SCHEDULED);
        assertThat(onlyMessage().dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(59));
        settle();
        assertThat(sms.sent()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        settle();

        assertThat(sms.sent()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(PHONE);
            assertThat(m.body()).contains("Hi Ann").contains("https://shop.example/checkouts/c1/recover?key=k")
                    .contains("STOP");
        });
        MessageView message = onlyMessage();
        assertThat(message.state()).isEqualTo(MessageState.SENT);
        assertThat(message.state().wireName()).isEqualTo("sent");
        assertThat(message.providerMessageId()).isEqualTo("SM1");
        assertThat(message.journey()).isEqualTo("abandoned-checkout");
        assertThat(message.channel()).isEqualTo("sms");
    }

    @Test
    void aFiredMessageIsCommittedAsSendingBeforeItsProviderIsCalledAndIsSentOnce() {
        List<MessageState> committedWhenCalled = new CopyOnWriteArrayList<>();
        Channel watching = new Channel() {
            @Override
            public String id() {
                return sms.id();
            }

            @Override
            public ChannelType type() {
                return sms.type();
            }

            @Override
            public DeliveryReceipt send(OutboundMessage message) {
                committedWhenCalled.add(engine.messages(SHOP, 10).get(0).state()); // another connection: committed
                return sms.send(message);
            }
        };
        engine = new ProactiveEngine(dataSource, EngineSettings.defaults(), List.of(watching), clock);
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));

        assertThat(engine.runOnce()).as("the timer fired and its message sent in the same pass").isEqualTo(2);
        settle();
        clock.advance(Duration.ofMinutes(11)); // past the send lease: nothing is left sending
        settle();

        assertThat(committedWhenCalled).containsExactly(MessageState.SENDING);
        assertThat(sms.sent()).hasSize(1);
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SENT);
        assertThat(onlyMessage().attempts()).isEqualTo(1);
    }

    @Test
    void aWorkerThatStopsAfterFiringLeavesItsMessageSendingUntilTheLeaseThenItFailsUnsent() throws SQLException {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        DefaultTemplates templates = DefaultTemplates.load();
        JourneyRuntime runtime = new JourneyRuntime(new JourneyDefinitions(BuiltInJourneys.load(templates),
                Duration.ofHours(1)), new JdbcShopSettingsStore(), new JdbcTimerStore(), new JdbcMessageStore(),
                new JdbcDecisionLog(), new EventCodec(), templates, DiscountCodes.NONE, VideoRequests.NONE, clock);
        List<MessageView> claimed;
        try (Connection c = dataSource.getConnection()) { // the worker fires and commits, then stops before sending
            c.setAutoCommit(false);
            DeferredWrites writes = runtime.writesSendingItself();
            for (DueTimer timer : new JdbcTimerStore().claimDue(c, clock.instant(), 10)) {
                runtime.onTimer(c, timer, writes);
            }
            writes.flush(c);
            c.commit();
            claimed = writes.claimed();
        }
        assertThat(claimed).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo(PHONE));

        settle(); // another worker: the message is claimed, not for it to send
        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SENDING);

        clock.advance(Duration.ofMinutes(11)); // past the 10 min send lease
        settle();
        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.FAILED);
        assertThat(onlyMessage().reason()).startsWith("outcome unknown");
    }

    @Test
    void manyTimersDueTogetherFireInBatchesAndEachShopperGetsOneSms() {
        int shoppers = 120; // more than two batches of the default 50
        for (int i = 0; i < shoppers; i++) {
            String phone = "+1415555" + (1000 + i);
            Shopper shopper = new Shopper(CustomerId.of(String.valueOf(700_000 + i)), "Ann", "Lee",
                    "ann" + i + "@example.com", phone,
                    List.of(Consent.marketing(ChannelType.SMS, Consent.State.SUBSCRIBED, "shopify:checkout", T0)));
            engine.accept(List.of(envelope(new CheckoutUpdated(CheckoutId.of("c" + i), "cart-c" + i, shopper,
                    List.of(), Money.of("10.00", "USD"), URI.create("https://shop.example/checkouts/c" + i + "/recover"),
                    T0, null), "e" + i, T0)));
        }
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(sms.sent()).hasSize(shoppers);
        assertThat(sms.sent()).extracting(m -> m.to()).doesNotHaveDuplicates();
        assertThat(engine.messages(SHOP, 500)).hasSize(shoppers)
                .allSatisfy(m -> assertThat(m.state()).isEqualTo(MessageState.SENT));
        assertThat(engine.timerLateness().count()).isEqualTo(shoppers);
    }

    @Test
    void aSecondTimerOfOneRunInTheSameBatchReadsWhatTheFirstWroteAndSendsNothingTwice() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        String smsStep = one("SELECT step FROM message");
        // a second timer of the run, due with the first and claimed after it (ids order equal due times)
        execute("INSERT INTO timer (id, shop_id, run_id, step, due_at)"
                + " SELECT 'zz-second-timer', shop_id, run_id, ?, due_at FROM timer", smsStep);

        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(sms.sent()).hasSize(1);
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SENT);
        assertThat(onlyMessage().attempts()).isEqualTo(1);
        assertThat(one("SELECT step FROM timer")).as("the run waits for its email").isEqualTo("wait-23h");
        assertThat(one("SELECT run_state FROM journey_run")).contains("\"wait-23h\"");
    }

    @Test
    void aRunsTriggerIsKeptApartFromItsStateAndReadFromThere() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        assertThat(one("SELECT run_state FROM journey_run")).contains("\"triggerType\"")
                .doesNotContain("\"trigger\":");
        String trigger = one("SELECT trigger_event FROM journey_run_trigger");
        assertThat(trigger).contains(PHONE).contains("\"Ann\"");
        execute("UPDATE journey_run_trigger SET trigger_event = ?", trigger.replace("\"Ann\"", "\"Bea\""));

        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(sms.sent()).singleElement().satisfies(m -> assertThat(m.body()).contains("Hi Bea"));
        assertThat(one("SELECT run_state FROM journey_run")).doesNotContain("\"trigger\":");
        assertThat(one("SELECT trigger_event FROM journey_run_trigger")).contains("\"Bea\"");
    }

    @Test
    void aRunStoredWithItsTriggerInsideItsStateIsStillReadAndMovedApart() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        String trigger = one("SELECT trigger_event FROM journey_run_trigger");
        JsonObject state = JsonProvider.provider().createReader(new StringReader(one("SELECT run_state FROM journey_run")))
                .readObject();
        // as runs were stored before V7: the trigger inside run_state, no row of its own
        execute("DELETE FROM journey_run_trigger");
        execute("UPDATE journey_run SET run_state = ?",
                JsonProvider.provider().createObjectBuilder(state).add("trigger", trigger).build().toString());

        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(sms.sent()).singleElement().satisfies(m -> assertThat(m.body()).contains("Hi Ann"));
        assertThat(one("SELECT run_state FROM journey_run")).doesNotContain("\"trigger\":");
        assertThat(one("SELECT trigger_event FROM journey_run_trigger")).contains(PHONE).contains("\"Ann\"");
    }

    @Test
    void erasingTheShopperRemovesHerRunsTrigger() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        assertThat(one("SELECT COUNT(*) FROM journey_run_trigger")).isEqualTo("1");

        engine.eraseShopper(SHOP, CustomerId.of("603851970716743426"), "ann@example.com", PHONE);

        assertThat(one("SELECT COUNT(*) FROM journey_run_trigger")).isEqualTo("0");
    }

    /** The first column of the query's only row, as text. */
    String one(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet row = s.executeQuery()) {
            assertThat(row.next()).as(sql).isTrue();
            String value = row.getString(1);
            assertThat(row.next()).as(sql + " returns one row").isFalse();
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOrderForTheCheckoutCancelsTheWait() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofMinutes(20));
        engine.accept(List.of(envelope(order("820982911946154508", "c1", clock.instant()), "e2", clock.instant())));
        settle();

        clock.advance(Duration.ofHours(2));
        settle();

        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.CANCELLED);
        assertThat(onlyMessage().reason()).isEqualTo("order #1001 placed");
    }

    @Test
    void aDuplicateDeliveryIsStoredOnceAndSendsOnce() {
        var event = checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0);
        InboxReceipt first = engine.accept(List.of(envelope(event, "same-event-id", T0)));
        InboxReceipt second = engine.accept(List.of(envelope(event, "same-event-id", T0.plusSeconds(5))));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(first).isEqualTo(new InboxReceipt(1, 0));
        assertThat(second).isEqualTo(new InboxReceipt(0, 1));
        assertThat(sms.sent()).hasSize(1);
    }

    @Test
    void withoutSmsMarketingConsentTheMessageIsSkippedWithTheReason() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.NOT_SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SKIPPED);
        assertThat(onlyMessage().reason())
                .isEqualTo("no sms marketing consent: state is not_subscribed (source shopify:checkout)");
    }

    @Test
    void withoutAPhoneNumberTheMessageIsSkipped() {
        engine.accept(List.of(envelope(checkout("c1", null, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(onlyMessage().state()).isEqualTo(MessageState.SKIPPED);
        assertThat(onlyMessage().reason()).isEqualTo("no phone number for the shopper");
    }

    @Test
    void contactAddedInALaterUpdateIsUsedAndTheWaitRestarts() {
        engine.accept(List.of(envelope(checkout("c1", null, null, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofMinutes(30));
        Instant later = clock.instant();
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, later), "e2", later)));
        settle();

        clock.advance(Duration.ofMinutes(30)); // one hour after the first update, half an hour after the last
        settle();
        assertThat(sms.sent()).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        settle();
        assertThat(sms.sent()).singleElement().extracting(m -> m.to()).isEqualTo(PHONE);
    }

    @Test
    void anOlderUpdateArrivingLateChangesNothing() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0.plusSeconds(60)), "new", T0)));
        engine.accept(List.of(envelope(checkout("c1", "+14155550199", Consent.State.NOT_SUBSCRIBED, T0), "old", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(sms.sent()).singleElement().extracting(m -> m.to()).isEqualTo(PHONE);
    }

    @Test
    void anOrderArrivingBeforeItsCheckoutKeepsTheCheckoutOut() {
        engine.accept(List.of(envelope(order("o1", "c1", T0), "order", T0)));
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "checkout", T0)));
        settle();
        clock.advance(Duration.ofHours(2));
        settle();

        assertThat(sms.sent()).isEmpty();
        assertThat(engine.messages(SHOP, 10)).isEmpty();
    }

    @Test
    void aCheckoutEntersOnceEvenAfterItsMessageWasSent() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();
        Instant later = clock.instant();
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, later), "e2", later)));
        settle();
        clock.advance(Duration.ofHours(2));
        settle();

        assertThat(sms.sent()).hasSize(1);
    }

    @Test
    void theShopsOwnDelayApplies() {
        engine.updateAbandonedCheckoutSettings(SHOP, true, Duration.ofMinutes(15));
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofMinutes(15));
        settle();

        assertThat(sms.sent()).hasSize(1);
        assertThat(engine.abandonedCheckoutSettings(SHOP).delay()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aDisabledJourneyTakesNoNewCheckouts() {
        engine.updateAbandonedCheckoutSettings(SHOP, false, Duration.ofHours(1));
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();

        assertThat(engine.messages(SHOP, 10)).isEmpty();
    }

    @Test
    void pendingTimersSurviveARestart() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();

        engine = newEngine(); // a new instance on the same database, as after a restart
        clock.advance(Duration.ofHours(3));
        settle();

        assertThat(sms.sent()).hasSize(1);
    }

    @Test
    void aRetryableProviderFailureIsRetriedLaterAndThenSent() {
        sms.answerNext(DeliveryReceipt.Failed.retryable("SMS provider refused the message (HTTP 503)", null));
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(onlyMessage().state()).isEqualTo(MessageState.QUEUED);
        assertThat(onlyMessage().reason()).startsWith("SMS provider refused the message (HTTP 503) (attempt 1 of 5");

        clock.advance(Duration.ofSeconds(10));
        settle();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.SENT);
        assertThat(onlyMessage().attempts()).isEqualTo(2);
        assertThat(sms.sent()).hasSize(2);
    }

    @Test
    void aPermanentProviderRefusalFailsTheMessageWithTheProvidersWords() {
        sms.answerNext(DeliveryReceipt.Failed.permanent("SMS provider refused the message (HTTP 400, code 21211)"));
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        settle();
        clock.advance(Duration.ofHours(1));
        settle();

        assertThat(onlyMessage().state()).isEqualTo(MessageState.FAILED);
        assertThat(onlyMessage().reason()).contains("21211");
    }

    @Test
    void uninstallingCancelsWhatIsPending() {
        engine.accept(List.of(envelope(checkout("c1", PHONE, Consent.State.SUBSCRIBED, T0), "e1", T0)));
        engine.accept(List.of(uninstalled(T0.plusSeconds(1))));
        settle();
        clock.advance(Duration.ofHours(2));
        settle();

        assertThat(sms.sent()).isEmpty();
        assertThat(onlyMessage().state()).isEqualTo(MessageState.CANCELLED);
        assertThat(onlyMessage().reason()).isEqualTo("the app was uninstalled");
    }
}
