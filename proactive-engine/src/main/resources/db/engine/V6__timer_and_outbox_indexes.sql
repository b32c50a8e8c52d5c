-- Indexes for the hot paths of firing timers and draining the outbox at scale (a million pending timers, see
-- docs/BENCHMARKS.md). Portable between PostgreSQL and H2 in PostgreSQL mode.

-- A run's scheduled message of a step (JdbcMessageStore.pending, scheduledId, reschedule, cancelPending,
-- anyDecided) was found by scanning the whole message table: one scan per fired timer.
CREATE INDEX ix_message_run_step ON message (run_id, step);

-- Due timers are taken in (due_at, id) order; with an index on due_at alone every claim sorted all due rows.
DROP INDEX ix_timer_due;
CREATE INDEX ix_timer_due ON timer (due_at, id);

-- The same for queued messages when the outbox has a backlog.
DROP INDEX ix_message_dispatch;
CREATE INDEX ix_message_dispatch ON message (state, due_at, id);
