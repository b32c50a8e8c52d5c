-- Portable between PostgreSQL and H2 in PostgreSQL mode.

CREATE TABLE shop (
    id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
    platform                 VARCHAR(32)  NOT NULL,
    domain                   VARCHAR(255) NOT NULL,
    webhook_secret           VARCHAR(512) NOT NULL,
    previous_webhook_secret  VARCHAR(512),
    api_key_hash             VARCHAR(64)  NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_shop_api_key UNIQUE (api_key_hash)
);
CREATE INDEX ix_shop_platform_domain ON shop (platform, domain);
