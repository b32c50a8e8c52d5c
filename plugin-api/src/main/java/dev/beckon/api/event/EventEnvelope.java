package dev.beckon.api.event;

import dev.beckon.api.model.EventId;
import dev.beckon.api.model.ShopId;

import java.time.Instant;
import java.util.Objects;

/**
 * A canonical event as Beckon stores and routes it: where it came from, when, and the key that makes a
 * redelivery of the same store event a duplicate. Immutable and thread-safe.
 *
 * @param id          unique per stored event; never null
 * @param shop        the shop it belongs to; never null
 * @param source      the plugin that produced it ({@code "shopify"}, {@code "beacon-gateway"}); never null
 * @param sourceTopic the platform's own name for it ({@code "checkouts/update"}); never null, may be empty
 * @param occurredAt  when it happened at the source (the object's updated-at where the platform has one);
 *                    never null
 * @param receivedAt  when Beckon received it; never null
 * @param dedupKey    equal for every delivery of the same source event (Shopify's {@code X-Shopify-Event-Id});
 *                    unique per shop; never null
 * @param payload     what happened; never null
 */
public record EventEnvelope(EventId id, ShopId shop, String source, String sourceTopic, Instant occurredAt,
                            Instant receivedAt, String dedupKey, EventPayload payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(source, "source");
        sourceTopic = sourceTopic == null ? "" : sourceTopic;
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dedupKey, "dedupKey");
        if (dedupKey.isBlank()) {
            throw new IllegalArgumentException("dedupKey must not be blank");
        }
        Objects.requireNonNull(payload, "payload");
    }

    /** The payload's type name as stored and shown: {@code "CheckoutUpdated"}. */
    public String type() {
        return payload.getClass().getSimpleName();
    }
}
