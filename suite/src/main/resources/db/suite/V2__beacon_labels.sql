-- What the merchant API knows about beacon stores and zones beyond the gateway's pairing tables: a store's time
-- zone and a zone's display name. Portable between PostgreSQL and H2 (MODE=PostgreSQL).

CREATE TABLE beacon_store_label (
    shop_id    VARCHAR(255) NOT NULL,
    store_id   VARCHAR(255) NOT NULL,
    time_zone  VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_beacon_store_label PRIMARY KEY (shop_id, store_id)
);

CREATE TABLE beacon_zone_label (
    shop_id    VARCHAR(255) NOT NULL,
    store_id   VARCHAR(255) NOT NULL,
    zone_id    VARCHAR(255) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    CONSTRAINT pk_beacon_zone_label PRIMARY KEY (shop_id, store_id, zone_id)
);
