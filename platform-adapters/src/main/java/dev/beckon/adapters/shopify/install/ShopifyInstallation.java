package dev.beckon.adapters.shopify.install;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A finished Shopify install: what the suite stores for the shop. {@link #toString} hides the token.
 *
 * @param shop            never null
 * @param accessToken     the offline access token; never null, never logged
 * @param grantedScopes   as Shopify granted them; never null
 * @param webhooks        the subscriptions made; never null
 * @param webhookProblems one line per topic Shopify refused, or why none could be made; empty when all were made.
 *                        The install stands (the token is good); a reconciler can subscribe again later
 */
public record ShopifyInstallation(ShopDomain shop, String accessToken, Set<String> grantedScopes,
        List<WebhookSubscription> webhooks, List<String> webhookProblems) {

    public ShopifyInstallation {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(accessToken, "accessToken");
        grantedScopes = Set.copyOf(grantedScopes);
        webhooks = List.copyOf(webhooks);
        webhookProblems = List.copyOf(webhookProblems);
    }

    @Override
    public String toString() {
        return "ShopifyInstallation[shop=" + shop + ", accessToken=<hidden>, grantedScopes=" + grantedScopes
                + ", webhooks=" + webhooks + ", webhookProblems=" + webhookProblems + "]";
    }
}
