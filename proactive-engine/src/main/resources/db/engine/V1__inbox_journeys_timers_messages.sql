-- Portable between PostgreSQL and H2 in PostgreSQL mode. Times are stored in UTC.

CREATE TABLE inbox_event (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    shop_id       VARCHAR(255) NOT NULL,
    source        VARCHAR(64)  NOT NULL,
    source_topic  VARCHAR(128) NOT NULL,
    event_type    VARCHAR(64)  NOT NULL,
    dedup_key     VARCHAR(512) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    payload       TEXT         NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    error         VARCHAR(1000),
    processed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_inbox_event_dedup UNIQUE (shop_id, dedup_key)
);
CREATE INDEX ix_inbox_event_pending ON inbox_event (state, received_at);

CREATE TABLE journey_settings (
    shop_id        VARCHAR(255) NOT NULL,
    journey        VARCHAR(64)  NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    delay_seconds  BIGINT       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, journey)
);

CREATE TABLE journey_run (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    shop_id             VARCHAR(255) NOT NULL,
    journey             VARCHAR(64)  NOT NULL,
    subject             VARCHAR(255) NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    first_name          VARCHAR(255),
    phone               VARCHAR(64),
    email               VARCHAR(320),
    sms_consent         VARCHAR(32),
    sms_consent_source  VARCHAR(128),
    recovery_url        VARCHAR(2048),
    cart_token          VARCHAR(255),
    subject_updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_journey_run_subject UNIQUE (shop_id, journey, subject)
);

CREATE INDEX ix_journey_run_cart ON journey_run (shop_id, journey, cart_token);

CREATE TABLE timer (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    shop_id  VARCHAR(255) NOT NULL,
    run_id   VARCHAR(36)  NOT NULL,
    step     VARCHAR(64)  NOT NULL,
    due_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_timer_step UNIQUE (run_id, step)
);
CREATE INDEX ix_timer_due ON timer (due_at);

CREATE TABLE message (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    shop_id              VARCHAR(255) NOT NULL,
    run_id               VARCHAR(36),
    journey              VARCHAR(64)  NOT NULL,
    step                 VARCHAR(64)  NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    recipient            VARCHAR(320),
    body                 TEXT,
    state                VARCHAR(16)  NOT NULL,
    reason               VARCHAR(1000),
    idempotency_key      VARCHAR(512) NOT NULL,
    provider_message_id  VARCHAR(128),
    attempts             INTEGER      NOT NULL DEFAULT 0,
    due_at               TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_message_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_message_shop ON message (shop_id, created_at);
CREATE INDEX ix_message_dispatch ON message (state, due_at);
