-- The suite's additions to video links, in their own history table (suite_video_schema_history) so they never
-- collide with the other suite migrations. Both tables follow their link: an erasure or a deleted video that
-- removes a video_link row removes these rows too. Portable between PostgreSQL and H2 in PostgreSQL mode.

-- A link that plays a burned-in render of the shop's template instead of the video itself.
CREATE TABLE suite_video_render_link (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES video_link (token_hash) ON DELETE CASCADE,
    shop_id    VARCHAR(255) NOT NULL,
    render_id  VARCHAR(36)  NOT NULL
);

CREATE INDEX suite_video_render_link_by_render ON suite_video_render_link (shop_id, render_id);

-- The link made for a recording task once it is settled (recorded or fallback): one per task. The token is kept so
-- the journey's video step (or the merchant) can still send it; it is deleted with the link.
CREATE TABLE suite_video_task_link (
    task_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    shop_id    VARCHAR(255) NOT NULL,
    token_hash VARCHAR(64)  NOT NULL REFERENCES video_link (token_hash) ON DELETE CASCADE,
    token      VARCHAR(64)  NOT NULL
);
