-- The merchant API lists a shop's events newest first.
CREATE INDEX ix_inbox_event_shop ON inbox_event (shop_id, received_at);
