package dev.beckon.engine.inbox;

import dev.beckon.api.testing.TestDatabases;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.persistence.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.beckon.engine.Events.checkout;
import static dev.beckon.engine.Events.envelope;
import static dev.beckon.engine.Events.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The inbox on a real (in-memory H2) database: storing, draining, retrying and parking events. */
class EventInboxTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    DataSource dataSource;
    EventCodec codec;
    EventInbox inbox;

    /** A handler that records what it was given and throws for the dedup keys it is told to. */
    static final class ScriptedHandler implements EventInbox.EventHandler {

        final Set<String> failFor;
        final List<String> handled = new CopyOnWriteArrayList<>();
        final List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();

        ScriptedHandler(String... failFor) {
            this.failFor = Set.of(failFor);
        }

        @Override
        public void handle(Connection connection, InboxEvent event) throws SQLException {
            String key = event.envelope().dedupKey();
            if (failFor.contains(key)) {
                attemptsSeen.add(event.attempts());
                // an effect that must be rolled back with the failure
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO journey_settings VALUES ('shop-a', 'poison', TRUE, 1, CURRENT_TIMESTAMP)")) {
                    insert.executeUpdate();
                }
                throw new IllegalStateException("journey exploded on " + key);
            }
            handled.add(key);
        }
    }

    @BeforeEach
    void start() {
        dataSource = TestDatabases.h2();
        ProactiveEngine.migrate(dataSource);
        codec = new EventCodec();
        inbox = new EventInbox(new Transactions(dataSource), codec, new MutableClock(T0));
    }

    @AfterEach
    void stop() throws Exception {
        codec.close();
    }

    static EventEnvelope event(String key, Instant receivedAt) {
        return envelope(checkout("c-" + key, "+14155550100", null, receivedAt), key, receivedAt);
    }

    record Row(String state, int attempts, String error) {
    }

    Row row(String dedupKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT state, attempts, error FROM inbox_event WHERE dedup_key = ?")) {
            select.setString(1, dedupKey);
            try (ResultSet r = select.executeQuery()) {
                assertThat(r.next()).as("row for " + dedupKey).isTrue();
                return new Row(r.getString(1), r.getInt(2), r.getString(3));
            }
        }
    }

    void setColumn(String dedupKey, String column, String value) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE inbox_event SET " + column + " = ? WHERE dedup_key = ?")) {
            update.setString(1, value);
            update.setString(2, dedupKey);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    long poisonEffects() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT COUNT(*) FROM journey_settings WHERE journey = 'poison'");
             ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void storedEventsAreHandedOverOnceAndMarkedProcessed() throws SQLException {
        InboxReceipt receipt = inbox.store(List.of(event("e1", T0), event("e2", T0.plusSeconds(1))));
        ScriptedHandler handler = new ScriptedHandler();

        assertThat(receipt).isEqualTo(new InboxReceipt(2, 0));
        assertThat(inbox.drain(10, handler)).isEqualTo(2);
        assertThat(inbox.drain(10, handler)).isZero();
        assertThat(handler.handled).containsExactly("e1", "e2");
        assertThat(inbox.count("pending")).isZero();
        assertThat(inbox.count("processed")).isEqualTo(2);
        assertThat(row("e1")).isEqualTo(new Row("processed", 1, null));
    }

    @Test
    void aRedeliveryIsCountedNotStored() {
        inbox.store(List.of(event("e1", T0)));

        InboxReceipt again = inbox.store(List.of(event("e1", T0.plusSeconds(30)), event("e2", T0.plusSeconds(30))));
        ScriptedHandler handler = new ScriptedHandler();
        inbox.drain(10, handler);

        assertThat(again).isEqualTo(new InboxReceipt(1, 1));
        assertThat(handler.handled).containsExactly("e1", "e2");
    }

    @Test
    void eventsReceivedAtTheSameInstantAreHandledInTheOrderTheyWereStored() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add("same-instant-" + i);
            inbox.store(List.of(event("same-instant-" + i, T0)));
        }
        ScriptedHandler handler = new ScriptedHandler();

        inbox.drain(50, handler);

        assertThat(handler.handled).containsExactlyElementsOf(keys);
    }

    @Test
    void aFailingEventIsRetriedThenParkedWhileTheEventBehindItIsProcessed() throws SQLException {
        inbox.store(List.of(event("poison", T0), event("next", T0.plusSeconds(1))));
        ScriptedHandler handler = new ScriptedHandler("poison");

        assertThat(inbox.drain(10, handler)).isEqualTo(1);

        assertThat(handler.handled).containsExactly("next");
        assertThat(row("next").state()).isEqualTo("processed");
        assertThat(row("poison")).isEqualTo(new Row("pending", 1, "journey exploded on poison"));
        assertThat(poisonEffects()).as("the failed attempt's writes are rolled back").isZero();

        for (int pass = 2; pass <= 5; pass++) {
            assertThat(inbox.drain(10, handler)).isZero();
        }

        assertThat(handler.attemptsSeen).containsExactly(0, 1, 2, 3, 4);
        assertThat(row("poison")).isEqualTo(new Row("failed", 5, "journey exploded on poison"));
        assertThat(inbox.count("failed")).isEqualTo(1);
        assertThat(inbox.count("pending")).isZero();
        assertThat(poisonEffects()).isZero();

        inbox.drain(10, handler);
        assertThat(handler.attemptsSeen).as("a parked event is not tried again").hasSize(5);
    }

    @Test
    void aFailingEventDoesNotHoldUpTheInboxEvenOneEventPerPass() throws SQLException {
        inbox.store(List.of(event("poison", T0), event("next", T0.plusSeconds(1))));
        ScriptedHandler handler = new ScriptedHandler("poison");

        int passes = 0;
        while (!handler.handled.contains("next") && passes < 20) {
            inbox.drain(1, handler);
            passes++;
        }

        assertThat(handler.handled).containsExactly("next");
        assertThat(passes).isLessThanOrEqualTo(EventInbox.MAX_ATTEMPTS + 1);
        assertThat(row("poison").state()).isEqualTo("failed");
    }

    @Test
    void anEventsLaterSuccessClearsItsEarlierError() throws SQLException {
        inbox.store(List.of(event("flaky", T0)));
        inbox.drain(10, new ScriptedHandler("flaky"));

        ScriptedHandler recovered = new ScriptedHandler();
        inbox.drain(10, recovered);

        assertThat(recovered.handled).containsExactly("flaky");
        assertThat(row("flaky")).isEqualTo(new Row("processed", 2, null));
    }

    @Test
    void aStoredPayloadThatCannotBeReadIsFailedWithoutBlockingTheEventsBehindIt() throws SQLException {
        inbox.store(List.of(event("corrupt", T0), envelope(order("o1", "c1", T0), "unknown-type", T0.plusSeconds(1)),
                event("next", T0.plusSeconds(2))));
        setColumn("corrupt", "payload", "{\"checkout\":{\"value\":");
        setColumn("unknown-type", "event_type", "CheckoutAbandoned");
        ScriptedHandler handler = new ScriptedHandler();

        for (int pass = 0; pass < 5; pass++) {
            inbox.drain(10, handler);
        }

        assertThat(handler.handled).containsExactly("next");
        assertThat(row("corrupt").state()).isEqualTo("failed");
        assertThat(row("corrupt").error()).contains("CheckoutUpdated", "cannot be read");
        assertThat(row("unknown-type").state()).isEqualTo("failed");
        assertThat(row("unknown-type").error()).contains("CheckoutAbandoned");
        assertThat(inbox.count("pending")).isZero();
    }

    @Test
    void aFailureReasonLongerThanTheColumnIsCut() throws SQLException {
        inbox.store(List.of(event("long", T0)));
        String huge = "x".repeat(5000);

        inbox.drain(10, (c, e) -> {
            throw new IllegalStateException(huge);
        });

        assertThat(row("long").error()).hasSize(1000);
        assertThat(row("long").attempts()).isEqualTo(1);
    }

    @Test
    void eventsAreTakenOldestFirstUpToTheLimit() {
        inbox.store(List.of(event("late", T0.plus(Duration.ofMinutes(5))), event("early", T0)));
        ScriptedHandler handler = new ScriptedHandler();

        assertThat(inbox.drain(1, handler)).isEqualTo(1);

        assertThat(handler.handled).containsExactly("early");
        assertThat(inbox.count("pending")).isEqualTo(1);
    }
}
