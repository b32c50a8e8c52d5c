package dev.beckon.engine.inbox;

import java.time.Instant;

/**
 * An event as it sits in the inbox, for the merchant: what arrived, from where, and what became of it.
 *
 * @param id          never null
 * @param type        the canonical type ({@code CheckoutUpdated}); never null
 * @param source      the plugin that produced it ({@code shopify}); never null
 * @param sourceTopic the platform's name for it ({@code checkouts/update}); never null
 * @param dedupKey    never null
 * @param occurredAt  never null
 * @param receivedAt  never null
 * @param state       {@code pending}, {@code processed} or {@code failed}; never null
 * @param error       why processing failed; null otherwise
 * @param payload     the canonical payload as JSON; never null
 */
public record StoredEvent(String id, String type, String source, String sourceTopic, String dedupKey,
                          Instant occurredAt, Instant receivedAt, String state, String error, String payload) {
}
