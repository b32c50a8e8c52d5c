package dev.beckon.adapters.shopify;

import dev.beckon.api.event.EventPayload;

import java.time.Instant;
import java.util.Objects;

/**
 * A payload mapped from a body, with what the envelope is built from.
 *
 * @param payload    never null
 * @param resourceId the id of the Shopify object the topic is about; null if the body has none
 * @param updatedAt  the object's own updated-at (for consents, their {@code consent_updated_at}); null if absent
 * @param createdAt  the object's own created-at; null if absent
 */
record Mapped(EventPayload payload, String resourceId, Instant updatedAt, Instant createdAt) {

    Mapped {
        Objects.requireNonNull(payload, "payload");
    }
}
