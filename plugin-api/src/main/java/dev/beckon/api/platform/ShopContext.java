package dev.beckon.api.platform;

import dev.beckon.api.model.ShopId;

import java.util.List;
import java.util.Objects;

/**
 * What an adapter knows about the shop a webhook is addressed to.
 *
 * @param shop           never null
 * @param domain         the store's domain as registered ({@code x.myshopify.com}); never null
 * @param webhookSecrets the secrets a signature may be made with, current first, then a previous one during
 *                       rotation; never null, never empty, never logged
 */
public record ShopContext(ShopId shop, String domain, List<String> webhookSecrets) {

    public ShopContext {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(domain, "domain");
        webhookSecrets = List.copyOf(webhookSecrets);
        if (webhookSecrets.isEmpty()) {
            throw new IllegalArgumentException("a shop needs at least one webhook secret");
        }
    }

    @Override
    public String toString() {
        return "ShopContext[shop=" + shop + ", domain=" + domain + ", webhookSecrets=<" + webhookSecrets.size()
                + " hidden>]";
    }
}
