-- Replies a shopper writes on a video landing page, for the shop's conversations inbox. A reply goes with its link
-- (erasure of the shopper, a deleted video).
CREATE TABLE suite_video_reply (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    shop_id     VARCHAR(255)  NOT NULL,
    token_hash  VARCHAR(64)   NOT NULL REFERENCES video_link (token_hash) ON DELETE CASCADE,
    body        VARCHAR(2000) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX suite_video_reply_by_shop ON suite_video_reply (shop_id, received_at);
CREATE INDEX suite_video_reply_by_link ON suite_video_reply (token_hash);
