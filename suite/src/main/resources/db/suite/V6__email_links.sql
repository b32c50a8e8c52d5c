-- One-click unsubscribe links of marketing e-mail (RFC 8058, List-Unsubscribe). One random token per message, so
-- every attempt at a message carries the same link; the URL holds the token, never the address. Portable between
-- PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE email_unsubscribe (
    token       VARCHAR(32)  NOT NULL PRIMARY KEY,
    message_id  VARCHAR(128) NOT NULL,
    shop_id     VARCHAR(36)  NOT NULL,
    address     VARCHAR(320) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_email_unsubscribe_message UNIQUE (message_id)
);

-- Tracked links of sent messages: /r/{token} records the click on the message and redirects to the URL. One short
-- random token per message and URL (SMS length matters), so a retry of the message carries the same links. The URL
-- is unique per message by its SHA-256 (hex), which keeps the index small whatever the URL's length.
CREATE TABLE click_link (
    token       VARCHAR(16)   NOT NULL PRIMARY KEY,
    message_id  VARCHAR(128)  NOT NULL,
    shop_id     VARCHAR(36)   NOT NULL,
    url         VARCHAR(4096) NOT NULL,
    url_hash    VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_click_link_message_url UNIQUE (message_id, url_hash)
);
