package dev.beckon.engine.journeys;

import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.Events;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.RecordingChannel;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.definitions.BuiltInJourneys;
import dev.beckon.engine.inbox.EventCodec;
import dev.beckon.engine.offers.DiscountCodes;
import dev.beckon.engine.templates.DefaultTemplates;
import dev.beckon.engine.videos.VideoRequests;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.scheduler.JdbcTimerStore;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.beckon.engine.Events.SHOP;
import static dev.beckon.engine.Events.envelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two journey runs for the same phone number (two customers' checkouts sharing it) come due at the same instant
 * and are decided by two instances at once, on a real PostgreSQL. The second decision is made while the first
 * one's transaction is still open: it must wait for the phone number's lock and then see the first message, so
 * the SMS cap (1 per 24 h) lets exactly one through.
 */
class FrequencyCapRacePostgresTest {

    static final Instant DUE = Instant.parse("2026-11-23T19:00:00Z"); // 11:00 in San Francisco
    static final String PHONE = "+14155550123";

    PGSimpleDataSource postgres;
    MutableClock clock;
    RecordingChannel sms;
    ProactiveEngine engine;
    JourneyRuntime journey;
    final JdbcTimerStore timers = new JdbcTimerStore();
    final ExecutorService second = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        postgres = TestDatabases.postgres();
        ProactiveEngine.migrate(postgres);
        clock = new MutableClock(DUE.minus(Duration.ofHours(1)));
        sms = new RecordingChannel();
        engine = new ProactiveEngine(postgres, EngineSettings.defaults(), List.of(sms), clock);
        DefaultTemplates templates = DefaultTemplates.load();
        journey = new JourneyRuntime(new JourneyDefinitions(BuiltInJourneys.load(templates), Duration.ofHours(1)),
                new JdbcShopSettingsStore(), timers, new JdbcMessageStore(), new JdbcDecisionLog(), new EventCodec(),
                templates, DiscountCodes.NONE, VideoRequests.NONE, clock);
    }

    @AfterEach
    void stop() throws InterruptedException {
        second.shutdownNow();
        second.awaitTermination(10, TimeUnit.SECONDS);
        if (postgres != null) {
            TestDatabases.dropSchema(postgres);
        }
    }

    @Test
    void twoRunsRacingForOnePhoneSendOneMessage() throws Exception {
        engine.accept(List.of(envelope(checkout("a", "cust-a"), "e-a", clock.instant()),
                envelope(checkout("b", "cust-b"), "e-b", clock.instant())));
        engine.runOnce();
        clock.set(DUE);

        try (Connection one = transaction(); Connection two = transaction()) {
            List<String> due = timers.dueIds(one, DUE, 10);
            assertThat(due).hasSize(2);
            journey.onTimer(one, timers.claim(one, due.get(0), DUE)); // decided, not yet committed
            int backend = backendPid(two);

            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> decide(two, due.get(1)), second);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> racing.isDone() || waitingOnALock(backend));
            one.commit();
            racing.get(30, TimeUnit.SECONDS);
            two.commit();
        }

        List<MessageView> messages = engine.messages(SHOP, 10);
        assertThat(messages).extracting(MessageView::state)
                .containsExactlyInAnyOrder(MessageState.QUEUED, MessageState.SKIPPED);
        assertThat(messages).filteredOn(m -> m.state() == MessageState.SKIPPED).singleElement()
                .extracting(MessageView::reason)
                .isEqualTo("frequency cap SMS 1 per 24h reached (last at 2026-11-23T19:00:00Z)");
        engine.runOnce();
        assertThat(sms.sent()).singleElement().extracting(m -> m.to()).isEqualTo(PHONE);
    }

    private void decide(Connection c, String timerId) {
        try {
            DueTimer timer = timers.claim(c, timerId, DUE);
            journey.onTimer(c, timer);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection transaction() throws SQLException {
        Connection c = postgres.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet row = s.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private boolean waitingOnALock(int backend) throws SQLException {
        try (Connection c = postgres.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
            s.setInt(1, backend);
            try (ResultSet row = s.executeQuery()) {
                return row.next() && "Lock".equals(row.getString(1));
            }
        }
    }

    /** A checkout by its own customer (so no re-entry rule applies), all with the same phone number. */
    private static CheckoutUpdated checkout(String token, String customer) {
        CheckoutUpdated template = Events.checkout(token, PHONE, Consent.State.SUBSCRIBED, DUE.minusSeconds(3600));
        Shopper s = template.shopper();
        Shopper own = new Shopper(CustomerId.of(customer), s.firstName(), s.lastName(), null, s.phone(),
                s.consents());
        return new CheckoutUpdated(template.checkout(), template.cartToken(), own, template.lines(),
                template.total(), template.recoveryUrl(), template.updatedAt(), template.completedAt());
    }
}
