package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.json.JsonView;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What is common to a WooCommerce resource body (the REST representation of an order or a customer): its id, its
 * times and its dedup key.
 *
 * <p>The dedup key is {@code resource:id:date_modified_gmt:status}, as the knowledge base recommends:
 * {@code X-WC-Webhook-Delivery-ID} is {@code wp_hash(id . time())} and repeats within a second, while WooCommerce
 * fires {@code order.created} and {@code order.updated} (and some updates twice) with the same data. Equal data is
 * one event, whichever topic carried it. Without {@code date_modified_gmt}, the key is
 * {@code resource:id:sha256:<hex of the body>}: only the very same body is a duplicate.
 *
 * @param name         {@code order} or {@code customer}
 * @param id           never null
 * @param modifiedAt   {@code date_modified_gmt}; null if absent
 * @param createdAt    {@code date_created_gmt}; null if absent
 * @param receivedAt   when Beckon received it, the last fallback for times; never null
 * @param bodyDigest   hex SHA-256 of the raw body
 */
record Resource(String name, String id, Instant modifiedAt, Instant createdAt, Instant receivedAt,
                String bodyDigest) {

    static Resource of(String name, JsonView body, byte[] rawBody, Instant receivedAt) {
        return new Resource(name, body.requireId("id"), body.utcInstant("date_modified_gmt"),
                body.utcInstant("date_created_gmt"), receivedAt, sha256(rawBody));
    }

    /** When it last changed: modified, else created, else received. */
    Instant updatedAt() {
        return modifiedAt != null ? modifiedAt : createdAt != null ? createdAt : receivedAt;
    }

    /** The dedup key for this state of the resource; {@code status} may be null (customers have none). */
    String dedupKey(String status) {
        String version = modifiedAt != null ? modifiedAt.toString() : "sha256:" + bodyDigest;
        return name + ":" + id + ":" + version + (status == null ? "" : ":" + status);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
