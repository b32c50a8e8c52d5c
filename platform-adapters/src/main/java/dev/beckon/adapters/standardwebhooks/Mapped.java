package dev.beckon.adapters.standardwebhooks;

import dev.beckon.api.event.EventPayload;

import java.time.Instant;
import java.util.Objects;

/**
 * A canonical payload mapped from an envelope's {@code data}.
 *
 * @param payload    never null
 * @param occurredAt when it happened, as {@code data} says (its {@code updated_at}, {@code placed_at}, ...); never
 *                   null: a mapping falls back to {@link Delivery#fallbackTime()}
 */
record Mapped(EventPayload payload, Instant occurredAt) {

    Mapped {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
