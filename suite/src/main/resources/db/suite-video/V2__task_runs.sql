-- The journey run waiting for a recording task's video (the thank-you journey's video step): when the task is
-- recorded or its fallback goes out, the run goes on with the link. Deleted with the task (erasure).
CREATE TABLE suite_video_task_run (
    task_id VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES video_recording_task (id) ON DELETE CASCADE,
    shop_id VARCHAR(255) NOT NULL,
    run_id  VARCHAR(36)  NOT NULL
);
