-- Pending platform installs, shared by every suite instance (the redirect and the callback of one install may
-- reach different instances). Portable between PostgreSQL and H2 (MODE=PostgreSQL).

-- Shopify OAuth state nonces. Only the SHA-256 of the nonce is stored; a nonce is consumed once by an atomic
-- DELETE ... WHERE state_hash = ? AND expires_at > ?, so a replayed callback finds nothing.
CREATE TABLE install_state (
    state_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    shop_domain  VARCHAR(255) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_install_state_expires ON install_state (expires_at);

-- WooCommerce installs waiting for the store's key callback: one per Beckon shop (a new start replaces it).
-- user_id is the random value Beckon sent to /wc-auth/v1/authorize and WooCommerce echoes in the callback.
CREATE TABLE woo_pending_install (
    shop_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    store_url   VARCHAR(2048) NOT NULL,
    user_id     VARCHAR(128)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_woo_pending_install_expires ON woo_pending_install (expires_at);
