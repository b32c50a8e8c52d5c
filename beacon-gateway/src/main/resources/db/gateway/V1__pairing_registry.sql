-- Pairing registry of the beacon gateway: stores, zones, scanners and beacons paired to zones with calibration.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL): standard types only. Every row carries shop_id.

CREATE TABLE gateway_store (
    shop_id     VARCHAR(255) NOT NULL,
    store_id    VARCHAR(255) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gateway_store PRIMARY KEY (shop_id, store_id)
);

CREATE TABLE gateway_zone (
    shop_id            VARCHAR(255) NOT NULL,
    store_id           VARCHAR(255) NOT NULL,
    zone_id            VARCHAR(255) NOT NULL,
    enter_within_m     DOUBLE PRECISION NOT NULL,
    exit_beyond_m      DOUBLE PRECISION NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gateway_zone PRIMARY KEY (shop_id, store_id, zone_id),
    CONSTRAINT fk_gateway_zone_store FOREIGN KEY (shop_id, store_id)
        REFERENCES gateway_store (shop_id, store_id) ON DELETE CASCADE,
    CONSTRAINT ck_gateway_zone_radii CHECK (enter_within_m > 0 AND exit_beyond_m >= enter_within_m)
);

CREATE TABLE gateway_scanner (
    shop_id            VARCHAR(255) NOT NULL,
    store_id           VARCHAR(255) NOT NULL,
    scanner_id         VARCHAR(64)  NOT NULL,
    source             VARCHAR(16)  NOT NULL,
    external_name      VARCHAR(200),
    zone_id            VARCHAR(255),
    rssi_at_1m         DOUBLE PRECISION,
    path_loss_exponent DOUBLE PRECISION NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gateway_scanner PRIMARY KEY (shop_id, store_id, scanner_id),
    -- ESPresense rooms and Theengs gateways are named without shop or store in their topics
    CONSTRAINT uq_gateway_scanner_external UNIQUE (source, external_name),
    CONSTRAINT fk_gateway_scanner_store FOREIGN KEY (shop_id, store_id)
        REFERENCES gateway_store (shop_id, store_id) ON DELETE CASCADE,
    CONSTRAINT fk_gateway_scanner_zone FOREIGN KEY (shop_id, store_id, zone_id)
        REFERENCES gateway_zone (shop_id, store_id, zone_id) ON DELETE CASCADE,
    CONSTRAINT ck_gateway_scanner_source CHECK (source IN ('BECKON', 'ESPRESENSE', 'THEENGS'))
);

CREATE TABLE gateway_beacon (
    shop_id            VARCHAR(255) NOT NULL,
    store_id           VARCHAR(255) NOT NULL,
    beacon_key         VARCHAR(300) NOT NULL,
    zone_id            VARCHAR(255) NOT NULL,
    rssi_at_1m         DOUBLE PRECISION,
    path_loss_exponent DOUBLE PRECISION NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gateway_beacon PRIMARY KEY (shop_id, store_id, beacon_key),
    -- a physical beacon marks one zone of one store of a shop
    CONSTRAINT uq_gateway_beacon_shop UNIQUE (shop_id, beacon_key),
    CONSTRAINT fk_gateway_beacon_zone FOREIGN KEY (shop_id, store_id, zone_id)
        REFERENCES gateway_zone (shop_id, store_id, zone_id) ON DELETE CASCADE
);
