package dev.beckon.adapters.shopify.install;

import java.util.Objects;

/**
 * A webhook subscription made for a shop at install.
 *
 * @param topic Shopify's GraphQL topic ({@code CHECKOUTS_UPDATE}); never null
 * @param id    Shopify's id ({@code gid://shopify/WebhookSubscription/…}); never null
 */
public record WebhookSubscription(String topic, String id) {

    public WebhookSubscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(id, "id");
    }
}
