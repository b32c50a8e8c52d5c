package dev.beckon.adapters.shopify;

import dev.beckon.api.platform.Headers;

import java.util.Optional;

/**
 * The Shopify headers the adapter reads, each with its two spellings: the classic {@code X-Shopify-*} one, read
 * first, and the un-prefixed {@code shopify-*} one of the newer "Events" deliveries. None of them is covered by
 * the signature except through the body they come with.
 */
enum ShopifyHeader {

    HMAC("X-Shopify-Hmac-Sha256", "shopify-hmac-sha256"),
    TOPIC("X-Shopify-Topic", "shopify-topic"),
    SHOP_DOMAIN("X-Shopify-Shop-Domain", "shopify-shop-domain"),
    EVENT_ID("X-Shopify-Event-Id", "shopify-event-id"),
    WEBHOOK_ID("X-Shopify-Webhook-Id", "shopify-webhook-id"),
    TRIGGERED_AT("X-Shopify-Triggered-At", "shopify-triggered-at");

    private final String prefixed;
    private final String unprefixed;

    ShopifyHeader(String prefixed, String unprefixed) {
        this.prefixed = prefixed;
        this.unprefixed = unprefixed;
    }

    /** The value under the prefixed name, else under the un-prefixed one; empty if both are absent or blank. */
    Optional<String> in(Headers headers) {
        return headers.firstOf(prefixed, unprefixed);
    }

    /** The classic name, as reasons name the header. */
    String headerName() {
        return prefixed;
    }
}
