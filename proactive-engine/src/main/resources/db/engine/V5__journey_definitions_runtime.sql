-- Journeys as data: per-shop definitions, generic run state, consent by address, rendered message parts.
-- Portable between PostgreSQL and H2 in PostgreSQL mode. Times are stored in UTC.

-- A shop's own version of a built-in journey, or a custom journey. Absent: the built-in applies.
CREATE TABLE journey_definition (
    shop_id     VARCHAR(255) NOT NULL,
    journey     VARCHAR(64)  NOT NULL,
    definition  TEXT         NOT NULL,
    version     INTEGER      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, journey)
);

-- The interpreter's state of the run (current step, variables, variants, trigger event) as JSON.
ALTER TABLE journey_run ADD COLUMN run_state TEXT;
ALTER TABLE journey_run ADD COLUMN device VARCHAR(255);

-- The keys of a run's trigger (checkout, cart token, order, customer, email...), to find the runs an event ends.
CREATE TABLE journey_run_key (
    run_id     VARCHAR(36)  NOT NULL,
    shop_id    VARCHAR(255) NOT NULL,
    key_name   VARCHAR(16)  NOT NULL,
    key_value  VARCHAR(512) NOT NULL,
    PRIMARY KEY (run_id, key_name)
);
CREATE INDEX ix_journey_run_key_value ON journey_run_key (shop_id, key_name, key_value);

-- The latest marketing consent reported for an address (a STOP reply, an unsubscribe, an app opt-in).
CREATE TABLE address_consent (
    shop_id        VARCHAR(255) NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    recipient_key  VARCHAR(320) NOT NULL,
    state          VARCHAR(32)  NOT NULL,
    source         VARCHAR(128) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, channel, recipient_key)
);

ALTER TABLE message ADD COLUMN subject VARCHAR(998);
ALTER TABLE message ADD COLUMN html_body TEXT;
ALTER TABLE message ADD COLUMN segments INTEGER;
ALTER TABLE message ADD COLUMN encoding VARCHAR(8);
