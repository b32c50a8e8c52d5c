-- Beckon video messages, part 2: recording tasks per order (with the shop's fallback video), the shop's video
-- settings (fallback and template clip), burned-in renders of the template per shopper, and the shopper a link
-- was made for (so an erasure request finds it). Portable between PostgreSQL and H2 in PostgreSQL mode.

CREATE TABLE video_shop_setting (
    shop_id           VARCHAR(255)             NOT NULL PRIMARY KEY,
    fallback_video_id VARCHAR(36),
    template_video_id VARCHAR(36),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE video_recording_task (
    id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    shop_id     VARCHAR(255)             NOT NULL,
    order_id    VARCHAR(64)              NOT NULL,
    shopper_ref VARCHAR(255)             NOT NULL,
    first_name  VARCHAR(200),
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state       VARCHAR(16)              NOT NULL,
    video_id    VARCHAR(36),
    reason      VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT video_recording_task_one_per_order UNIQUE (shop_id, order_id),
    CONSTRAINT video_recording_task_state_known CHECK (state IN ('open', 'recorded', 'fallback', 'missed'))
);

CREATE INDEX video_recording_task_due ON video_recording_task (state, due_at);
CREATE INDEX video_recording_task_by_shopper ON video_recording_task (shop_id, shopper_ref);

CREATE TABLE video_render (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    shop_id           VARCHAR(255)             NOT NULL,
    template_video_id VARCHAR(36)              NOT NULL,
    name_key          VARCHAR(200)             NOT NULL,
    state             VARCHAR(16)              NOT NULL,
    reason            VARCHAR(2000),
    output_key        VARCHAR(32),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_render_one_per_name UNIQUE (shop_id, template_video_id, name_key),
    CONSTRAINT video_render_state_known CHECK (state IN ('queued', 'rendering', 'ready', 'failed'))
);

CREATE INDEX video_render_unfinished ON video_render (state, created_at);

CREATE TABLE video_render_shopper (
    render_id   VARCHAR(36)  NOT NULL REFERENCES video_render (id) ON DELETE CASCADE,
    shop_id     VARCHAR(255) NOT NULL,
    shopper_ref VARCHAR(255) NOT NULL,
    PRIMARY KEY (render_id, shopper_ref)
);

CREATE INDEX video_render_shopper_by_shopper ON video_render_shopper (shop_id, shopper_ref);

ALTER TABLE video_link ADD COLUMN shopper_ref VARCHAR(255);
CREATE INDEX video_link_by_shopper ON video_link (shop_id, shopper_ref);
