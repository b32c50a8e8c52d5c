-- Per-shop guardrail settings, concurrency-safe frequency caps, recorded guardrail decisions, the shopper
-- timeline and attribution. Portable between PostgreSQL and H2 in PostgreSQL mode. Times are stored in UTC.

CREATE TABLE shop_settings (
    shop_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    settings    TEXT         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per (shop, channel, address), locked FOR UPDATE while a send is decided, so two journeys racing for
-- one shopper decide one after the other and the frequency cap sees the first one's message.
CREATE TABLE recipient_lock (
    shop_id        VARCHAR(255) NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    recipient_key  VARCHAR(320) NOT NULL,
    PRIMARY KEY (shop_id, channel, recipient_key)
);

-- shopper_key: the platform customer id when known, else a stable key derived from the email or phone.
ALTER TABLE journey_run ADD COLUMN shopper_key VARCHAR(255);
ALTER TABLE journey_run ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE journey_run ADD COLUMN end_reason VARCHAR(1000);
CREATE INDEX ix_journey_run_shopper ON journey_run (shop_id, shopper_key, journey, created_at);

ALTER TABLE message ADD COLUMN shopper_key VARCHAR(255);
ALTER TABLE message ADD COLUMN recipient_key VARCHAR(320);
ALTER TABLE message ADD COLUMN purpose VARCHAR(16) DEFAULT 'marketing' NOT NULL;
ALTER TABLE message ADD COLUMN cleared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN clicked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_message_recipient ON message (shop_id, channel, recipient_key, cleared_at);
CREATE INDEX ix_message_shopper ON message (shop_id, shopper_key, created_at);

ALTER TABLE inbox_event ADD COLUMN shopper_key VARCHAR(255);
CREATE INDEX ix_inbox_event_shopper ON inbox_event (shop_id, shopper_key, received_at);

CREATE TABLE guardrail_decision (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    shop_id      VARCHAR(255)  NOT NULL,
    shopper_key  VARCHAR(255),
    journey      VARCHAR(64)   NOT NULL,
    step         VARCHAR(64),
    message_id   VARCHAR(36),
    guardrail    VARCHAR(64)   NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    until_at     TIMESTAMP WITH TIME ZONE,
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_guardrail_decision_shopper ON guardrail_decision (shop_id, shopper_key, decided_at);
CREATE INDEX ix_guardrail_decision_message ON guardrail_decision (message_id);

-- An order attributed to the last message that touched the shopper within its channel's window.
CREATE TABLE conversion (
    shop_id           VARCHAR(255)   NOT NULL,
    order_id          VARCHAR(255)   NOT NULL,
    message_id        VARCHAR(36)    NOT NULL,
    journey           VARCHAR(64)    NOT NULL,
    step              VARCHAR(64)    NOT NULL,
    touch             VARCHAR(16)    NOT NULL,
    order_name        VARCHAR(255),
    revenue_amount    DECIMAL(19, 4),
    revenue_currency  VARCHAR(3),
    converted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, order_id)
);
CREATE INDEX ix_conversion_journey ON conversion (shop_id, journey, step);
CREATE INDEX ix_conversion_message ON conversion (message_id);
