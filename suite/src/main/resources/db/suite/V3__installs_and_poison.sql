-- Installation state, platform credentials and poison deliveries. Portable between PostgreSQL and H2
-- (MODE=PostgreSQL).

-- A shop is 'active' until its platform says the app was uninstalled. The webhook secret stays after an uninstall:
-- Shopify sends shop/redact 48 hours later, signed with the same secret, and it must still be verified.
ALTER TABLE shop ADD COLUMN status VARCHAR(16) DEFAULT 'active' NOT NULL;
ALTER TABLE shop ADD COLUMN uninstalled_at TIMESTAMP WITH TIME ZONE;

-- What an install flow obtained to call the platform's admin API (access tokens, consumer keys). Deleted on
-- uninstall. One row per (shop, name), e.g. ('…', 'access_token').
CREATE TABLE shop_credential (
    shop_id     VARCHAR(36)   NOT NULL,
    name        VARCHAR(64)   NOT NULL,
    secret      VARCHAR(4096) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_shop_credential PRIMARY KEY (shop_id, name)
);

-- A delivery whose signature was valid but whose body was not what its topic promises. It is acknowledged (so the
-- platform stops retrying) and kept here for the merchant to see. dedup_key is the SHA-256 of the body.
CREATE TABLE poison_delivery (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    shop_id       VARCHAR(36)   NOT NULL,
    platform      VARCHAR(32)   NOT NULL,
    topic         VARCHAR(128),
    reason        VARCHAR(1000) NOT NULL,
    body_excerpt  VARCHAR(1000) NOT NULL,
    body_bytes    INTEGER       NOT NULL,
    dedup_key     VARCHAR(64)   NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_poison_delivery UNIQUE (shop_id, dedup_key)
);
CREATE INDEX ix_poison_delivery_shop ON poison_delivery (shop_id, received_at);
