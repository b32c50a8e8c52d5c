-- Which journey (and run) a video link was made for, so the merchant API can report views, completions and the
-- orders that followed per journey. Goes with its link (erasure, deleted video) and with its task run.
ALTER TABLE suite_video_task_run ADD COLUMN journey VARCHAR(64);

CREATE TABLE suite_video_journey_link (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES video_link (token_hash) ON DELETE CASCADE,
    shop_id    VARCHAR(255) NOT NULL,
    journey    VARCHAR(64)  NOT NULL,
    run_id     VARCHAR(36)  NOT NULL
);

CREATE INDEX suite_video_journey_link_by_journey ON suite_video_journey_link (shop_id, journey);
