package dev.beckon.adapters.shopify.install;

import java.net.URI;
import java.util.List;

/**
 * Subscribes a freshly installed shop to the webhooks Beckon maps. Implemented over the GraphQL Admin API by {@code
 * dev.beckon.adapters.shopify.admin.ShopifyWebhookSubscriptions}; a port, so the install flow does not depend on
 * the admin client. Implementations are thread-safe and blocking.
 */
public interface WebhookSubscriber {

    /**
     * What was made, and per topic what was refused.
     *
     * @param made     never null
     * @param problems one line per topic that failed, safe to show; never null
     */
    record Subscriptions(List<WebhookSubscription> made, List<String> problems) {

        public Subscriptions {
            made = List.copyOf(made);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param shop        never null
     * @param accessToken the shop's token; never null
     * @param callbackUrl where Shopify is to deliver ({@code https://beckon.example/webhooks/shopify/{shopId}})
     * @return never null
     * @throws dev.beckon.adapters.http.PlatformCallException if Shopify could not be asked at all
     */
    Subscriptions subscribe(ShopDomain shop, String accessToken, URI callbackUrl);
}
