-- The storefront collector's per-shop settings: the public key the snippet carries and the origins (scheme, host,
-- port) allowed to post. origins is a newline-separated list. Portable between PostgreSQL and H2.
CREATE TABLE storefront (
    shop_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    public_key  VARCHAR(64)   NOT NULL,
    origins     VARCHAR(4000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
