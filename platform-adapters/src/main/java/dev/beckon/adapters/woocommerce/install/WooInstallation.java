package dev.beckon.adapters.woocommerce.install;

import dev.beckon.api.model.ShopId;

import java.util.List;
import java.util.Objects;

/**
 * A completed install: what the suite stores for the shop. The webhook secret goes into the shop's
 * {@code ShopContext.webhookSecrets} for {@code WooCommerceAdapter}; the keys and {@link #auth} are what admin calls
 * use. Never logged whole: {@link #toString} hides the secrets.
 *
 * @param shop          never null
 * @param store         never null
 * @param keys          the keys that passed the test call; never null
 * @param auth          how the keys reach this store; never null
 * @param webhooks      the created webhooks, one per topic; never null
 * @param webhookSecret the secret every created webhook signs with ({@code [A-Za-z0-9]}); never null
 * @param storeVersion  WooCommerce's version as {@code system_status} reported it; null if it did not say
 */
public record WooInstallation(ShopId shop, StoreUrl store, WooKeys keys, WooAuth auth, List<WooWebhook> webhooks,
                              String webhookSecret, String storeVersion) {

    public WooInstallation {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(auth, "auth");
        webhooks = List.copyOf(webhooks);
        Objects.requireNonNull(webhookSecret, "webhookSecret");
    }

    @Override
    public String toString() {
        return "WooInstallation[shop=" + shop + ", store=" + store + ", keys=" + keys + ", auth=" + auth
                + ", webhooks=" + webhooks + ", storeVersion=" + storeVersion + ", webhookSecret=<hidden>]";
    }
}
