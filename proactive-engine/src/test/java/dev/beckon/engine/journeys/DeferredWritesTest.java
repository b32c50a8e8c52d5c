package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;
import dev.beckon.engine.scheduler.JdbcTimerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A fired batch's decisions and next timers, kept and written together: the same rows as one statement each. */
class DeferredWritesTest {

    static final ShopId SHOP = ShopId.of("shop-1");
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    Transactions tx;
    final JdbcDecisionLog decisions = new JdbcDecisionLog();

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void start() {
        DataSource db = database();
        ProactiveEngine.migrate(db);
        tx = new Transactions(db);
    }

    @Test
    void nothingIsWrittenUntilTheFlushThenEveryDecisionAndTimerIs() {
        Map<String, Long> counts = tx.inTransaction(c -> {
            DeferredWrites writes = new DeferredWrites(decisions, new JdbcTimerStore());
            for (int i = 0; i < 3; i++) {
                writes.record(decision("m-" + i, "allow"));
                writes.schedule(SHOP, "run-" + i, "wait-24h", NOW.plusSeconds(i));
            }
            Map<String, Long> seen = new TreeMap<>();
            seen.put("decisions before", count(c, "guardrail_decision"));
            seen.put("timers before", count(c, "timer"));
            writes.flush(c);
            seen.put("decisions after", count(c, "guardrail_decision"));
            seen.put("timers after", count(c, "timer"));
            seen.put("empty after", writes.isEmpty() ? 1L : 0L);
            return seen;
        });
        assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of("decisions before", 0L, "timers before", 0L,
                "decisions after", 3L, "timers after", 3L, "empty after", 1L)));
        List<RecordedDecision> recorded = tx.inTransaction(c -> decisions.forMessage(c, "m-2"));
        assertThat(recorded).extracting(RecordedDecision::outcome, RecordedDecision::at).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allow", NOW));
    }

    @Test
    void aTimerThatExistsIsMovedAndOneSetTwiceEndsAtItsLastTime() {
        JdbcTimerStore timers = new JdbcTimerStore();
        tx.inTransaction(c -> {
            timers.schedule(c, SHOP, "run-old", "send-sms", NOW);
            return null;
        });
        Map<String, Instant> due = tx.inTransaction(c -> {
            DeferredWrites writes = new DeferredWrites(decisions, timers);
            writes.schedule(SHOP, "run-old", "send-sms", NOW.plusSeconds(3600)); // exists: moved
            writes.schedule(SHOP, "run-new", "send-sms", NOW.plusSeconds(60));
            writes.schedule(SHOP, "run-new", "send-sms", NOW.plusSeconds(120)); // again in the batch: last wins
            writes.schedule(SHOP, "run-other", "wait-1h", NOW.plusSeconds(5));
            writes.flush(c);
            return dueTimes(c);
        });
        assertThat(due).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "run-new/send-sms", NOW.plusSeconds(120),
                "run-old/send-sms", NOW.plusSeconds(3600),
                "run-other/wait-1h", NOW.plusSeconds(5))));
    }

    @Test
    void aLoneWriteAndAnEmptyFlushWorkToo() {
        Map<String, Instant> due = tx.inTransaction(c -> {
            DeferredWrites writes = new DeferredWrites(decisions, new JdbcTimerStore());
            writes.flush(c);
            writes.schedule(SHOP, "run-1", "wait-1h", NOW);
            writes.record(decision("m-1", "defer"));
            writes.flush(c);
            writes.flush(c);
            return dueTimes(c);
        });
        assertThat(due).containsExactlyEntriesOf(Map.of("run-1/wait-1h", NOW));
        List<RecordedDecision> recorded = tx.inTransaction(c -> decisions.forMessage(c, "m-1"));
        assertThat(recorded).hasSize(1);
    }

    private static RecordedDecision decision(String messageId, String outcome) {
        return new RecordedDecision(SHOP, "shopper-1", "abandoned-checkout", "send-sms", messageId, "frequency cap",
                outcome, "why: " + outcome, null, NOW);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, Instant> dueTimes(Connection c) throws SQLException {
        Map<String, Instant> due = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT run_id, step, due_at FROM timer");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                due.put(row.getString("run_id") + "/" + row.getString("step"), Sql.getInstant(row, "due_at"));
            }
        }
        return due;
    }
}
