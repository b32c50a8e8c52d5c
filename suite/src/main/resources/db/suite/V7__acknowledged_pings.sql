-- Deliveries that were acknowledged without an event are kept for the merchant in one table: a signed body that
-- could not be read (poison) and WooCommerce's creation ping (ping), which shows the store reached Beckon.
ALTER TABLE poison_delivery ADD COLUMN kind VARCHAR(16) DEFAULT 'poison' NOT NULL;
