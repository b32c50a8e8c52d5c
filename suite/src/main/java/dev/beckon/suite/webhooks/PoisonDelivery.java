package dev.beckon.suite.webhooks;

import dev.beckon.api.model.ShopId;

import java.time.Instant;

/**
 * A delivery acknowledged without an event, kept for the merchant to see: a signed delivery whose body was not what
 * its topic promises ({@link #POISON}; acknowledged so the platform does not retry), or WooCommerce's creation ping
 * ({@link #PING}).
 *
 * @param topic       the platform's topic header; null if it sent none
 * @param bodyExcerpt the start of the body, control characters replaced
 * @param dedupKey    SHA-256 of the body, hex: the same body delivered twice is kept once
 * @param kind        {@link #POISON} or {@link #PING}
 */
public record PoisonDelivery(String id, ShopId shop, String platform, String topic, String reason,
                             String bodyExcerpt, int bodyBytes, String dedupKey, Instant receivedAt, String kind) {

    /** A signed body that could not be read. */
    public static final String POISON = "poison";
    /** WooCommerce's unsigned creation ping ({@code webhook_id=…}): the store reached Beckon. */
    public static final String PING = "ping";

    public PoisonDelivery(String id, ShopId shop, String platform, String topic, String reason, String bodyExcerpt,
                          int bodyBytes, String dedupKey, Instant receivedAt) {
        this(id, shop, platform, topic, reason, bodyExcerpt, bodyBytes, dedupKey, receivedAt, POISON);
    }
}
