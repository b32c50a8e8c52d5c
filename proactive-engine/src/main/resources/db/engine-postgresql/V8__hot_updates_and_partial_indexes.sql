-- PostgreSQL only (H2 has neither fillfactor nor partial indexes: its V8 is empty). See docs/BENCHMARKS.md, "A million
-- pending timers".

-- Room on each page for a run's next version: a step's update of a run changes no indexed column, so with free space
-- on its page it is a HOT update (no new entry in the run's four indexes).
ALTER TABLE journey_run SET (fillfactor = 70);

-- The dispatcher looks only at queued messages (claims) and at messages being sent (the lease). Indexing all
-- states added an entry to a million-row index on every state change; these hold just the rows in those states.
DROP INDEX ix_message_dispatch;
CREATE INDEX ix_message_dispatch ON message (due_at, id) WHERE state = 'queued';
CREATE INDEX ix_message_sending ON message (updated_at) WHERE state = 'sending';
