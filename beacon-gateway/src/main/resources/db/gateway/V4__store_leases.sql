-- One owner per store across suite instances: the instance holding a store's unexpired lease runs its zone state.
-- term counts the takeovers, so an instance that takes a store back knows its old state is stale.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE gateway_store_lease (
    shop_id     VARCHAR(255) NOT NULL,
    store_id    VARCHAR(255) NOT NULL,
    owner       VARCHAR(255) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    term        BIGINT       NOT NULL,
    CONSTRAINT pk_gateway_store_lease PRIMARY KEY (shop_id, store_id)
);
CREATE INDEX ix_gateway_store_lease_owner ON gateway_store_lease (owner);
