package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.scheduler.JdbcTimerStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The writes of a transaction that nothing in it reads back: guardrail decisions (read only by the timeline) and the
 * timers a step arms (claimed by a later transaction). They are kept here and written at {@link #flush} as one JDBC
 * batch per table, so a batch of fired timers sends two batched statements instead of one decision insert and one
 * timer insert per timer. The caller flushes before it commits, and before anything that would read or remove a
 * timer in the same transaction (a run's exit cancels its timers). Not thread-safe: one per transaction.
 */
public final class DeferredWrites {

    private final JdbcDecisionLog decisionLog;
    private final JdbcTimerStore timerStore;
    private final List<RecordedDecision> decisions = new ArrayList<>();
    private final List<JdbcTimerStore.Wake> wakes = new ArrayList<>();

    DeferredWrites(JdbcDecisionLog decisionLog, JdbcTimerStore timerStore) {
        this.decisionLog = Objects.requireNonNull(decisionLog);
        this.timerStore = Objects.requireNonNull(timerStore);
    }

    /** Records a guardrail decision at the next flush. */
    void record(RecordedDecision decision) {
        decisions.add(Objects.requireNonNull(decision));
    }

    /** Sets the step's timer to {@code dueAt} at the next flush, as {@link JdbcTimerStore#schedule} would. */
    void schedule(ShopId shop, String runId, String step, Instant dueAt) {
        wakes.add(new JdbcTimerStore.Wake(shop, runId, step, dueAt));
    }

    /** Writes what was kept, in the order it was kept within each table, and forgets it. */
    public void flush(Connection c) throws SQLException {
        if (!decisions.isEmpty()) {
            decisionLog.recordAll(c, decisions);
            decisions.clear();
        }
        if (!wakes.isEmpty()) {
            timerStore.scheduleAll(c, wakes);
            wakes.clear();
        }
    }

    /** Whether anything is waiting for {@link #flush}. */
    public boolean isEmpty() {
        return decisions.isEmpty() && wakes.isEmpty();
    }
}
