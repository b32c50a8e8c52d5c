-- A run's trigger event (~2 KB of JSON) in its own table, written when the run starts (and again only when a newer
-- update of the subject replaces it), instead of inside journey_run.run_state, which every step rewrites.
-- Runs stored before keep it inside run_state until they are next read. Portable between PostgreSQL and H2.
CREATE TABLE journey_run_trigger (
    run_id         VARCHAR(36) NOT NULL PRIMARY KEY,
    trigger_event  TEXT        NOT NULL,
    CONSTRAINT fk_journey_run_trigger_run FOREIGN KEY (run_id) REFERENCES journey_run (id) ON DELETE CASCADE
);
