package dev.beckon.adapters.saleor;

import dev.beckon.api.event.EventPayload;

import java.time.Instant;
import java.util.Objects;

/**
 * A canonical payload mapped from a subscription payload.
 *
 * @param payload    never null
 * @param objectId   the Saleor global id of the order, checkout or user, for the dedup key; never null
 * @param occurredAt the object's own time, else the event's {@code issuedAt}, else the receive time; never null
 */
record Mapped(EventPayload payload, String objectId, Instant occurredAt) {

    Mapped {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
