package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageView;
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
 * timer in the same transaction (a run's exit cancels its timers).
 *
 * <p>For a worker that {@linkplain #sendsItself() sends what it fires}, it also lists the messages the guardrails
 * cleared in the transaction, committed with it as {@code sending} for that worker (see
 * {@link dev.beckon.engine.messages.JdbcMessageStore#queueClaimed}); the worker hands them to its dispatcher after
 * the commit.
 *
 * <p>A batch of fired timers also carries what it {@linkplain ReadAhead read ahead} for its timers, so the steps
 * it runs read from there instead of one query per timer; everything else sees {@link ReadAhead#NONE}. While it
 * reads ahead, the batch's run rows and cleared messages are kept here too ({@link #defersRows()}) and written as a
 * JDBC batch each at the flush: the steps read runs and messages from the read-ahead, and any step that must read one
 * from the database flushes first, so every read sees every write before it. Not thread-safe: one per transaction.
 */
public final class DeferredWrites {

    private final JdbcDecisionLog decisionLog;
    private final JdbcTimerStore timerStore;
    private final List<RecordedDecision> decisions = new ArrayList<>();
    private final List<JdbcTimerStore.Wake> wakes = new ArrayList<>();
    private final boolean sendsItself;
    private final List<MessageView> claimed = new ArrayList<>();
    private final JdbcJourneyRunStore runStore;
    private final JdbcMessageStore messageStore;
    private final List<JdbcJourneyRunStore.RowUpdate> runRows = new ArrayList<>();
    private final List<JdbcMessageStore.Clearance> clearances = new ArrayList<>();
    private ReadAhead readAhead = ReadAhead.NONE;

    DeferredWrites(JdbcDecisionLog decisionLog, JdbcTimerStore timerStore) {
        this(decisionLog, timerStore, false);
    }

    DeferredWrites(JdbcDecisionLog decisionLog, JdbcTimerStore timerStore, boolean sendsItself) {
        this(decisionLog, timerStore, null, null, sendsItself);
    }

    /** With the stores of run rows and messages, so a batch that reads ahead may keep those writes too. */
    DeferredWrites(JdbcDecisionLog decisionLog, JdbcTimerStore timerStore, JdbcJourneyRunStore runStore,
                   JdbcMessageStore messageStore, boolean sendsItself) {
        this.decisionLog = Objects.requireNonNull(decisionLog);
        this.timerStore = Objects.requireNonNull(timerStore);
        this.runStore = runStore;
        this.messageStore = messageStore;
        this.sendsItself = sendsItself;
    }

    /**
     * Whether run rows and (for a worker that sends itself) cleared messages are kept for the flush: only while a
     * batch reads ahead, whose steps flush before they read a run or message from the database.
     */
    boolean defersRows() {
        return readAhead != ReadAhead.NONE && runStore != null && messageStore != null;
    }

    /** Writes the run's row (its keys and trigger unchanged) at the next flush; see {@link #defersRows()}. */
    void updateRun(JourneyRun run, Instant at) {
        requireDeferring();
        runRows.add(new JdbcJourneyRunStore.RowUpdate(run, at));
    }

    /** Commits the cleared message as {@code sending} for this worker at the next flush; see {@link #defersRows()}. */
    void queueClaimed(JdbcMessageStore.Clearance message) {
        requireDeferring();
        if (!sendsItself) {
            throw new IllegalStateException("these writes do not send their messages: " + message.id());
        }
        clearances.add(Objects.requireNonNull(message));
    }

    private void requireDeferring() {
        if (!defersRows()) {
            throw new IllegalStateException("run rows and messages are written at once outside a read-ahead batch");
        }
    }

    /** Whether the caller sends the messages cleared in this transaction itself, right after it commits. */
    boolean sendsItself() {
        return sendsItself;
    }

    /** A message committed as {@code sending} with this transaction, for the caller to send after the commit. */
    void claimed(MessageView message) {
        if (!sendsItself) {
            throw new IllegalStateException("these writes do not send their messages: " + message.id());
        }
        claimed.add(Objects.requireNonNull(message));
    }

    /**
     * The messages cleared and claimed for the caller in this transaction (as they were before the claim: no attempt
     * counted), to send once it has committed; none if the transaction rolled back.
     */
    public List<MessageView> claimed() {
        return List.copyOf(claimed);
    }

    /** What this transaction read ahead for its steps; {@link ReadAhead#NONE} unless a batch set it. */
    ReadAhead readAhead() {
        return readAhead;
    }

    void readAhead(ReadAhead reads) {
        this.readAhead = Objects.requireNonNull(reads);
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
        if (!runRows.isEmpty()) {
            runStore.updateRows(c, runRows);
            runRows.clear();
        }
        if (!clearances.isEmpty()) {
            messageStore.queueClaimedAll(c, clearances);
            clearances.clear();
        }
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
        return decisions.isEmpty() && wakes.isEmpty() && runRows.isEmpty() && clearances.isEmpty();
    }
}
