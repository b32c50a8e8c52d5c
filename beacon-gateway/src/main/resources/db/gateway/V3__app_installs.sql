-- A shop's store-app installs: whether the shopper opted in to offers inside the app, and the id fixed scanners
-- hear for the phone (the iBeacon the app advertises, or its MAC), so their zone events name the install.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE gateway_app_install (
    shop_id     VARCHAR(255) NOT NULL,
    install_id  VARCHAR(200) NOT NULL,
    device_key  VARCHAR(300),
    opted_in    BOOLEAN      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gateway_app_install PRIMARY KEY (shop_id, install_id)
);
CREATE UNIQUE INDEX ux_gateway_app_install_device ON gateway_app_install (shop_id, device_key);
