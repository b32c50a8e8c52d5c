package dev.beckon.suite.install;

import dev.beckon.api.model.ShopId;
import dev.beckon.suite.shops.ApiKeys;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;

/**
 * Finds the shop a platform's install callback names, or registers it: for Shopify and BigCommerce the install
 * itself is the registration (the operator does not create these shops by hand).
 */
@ApplicationScoped
public class InstalledShops {

    private static final System.Logger LOG = System.getLogger(InstalledShops.class.getName());

    /**
     * @param shop      never null
     * @param newApiKey the shop's API key if it was registered just now (shown once); null otherwise
     */
    public record Resolved(Shop shop, String newApiKey) {

        public boolean created() {
            return newApiKey != null;
        }

        @Override
        public String toString() {
            return "Resolved[shop=" + shop + ", created=" + created() + "]";
        }
    }

    @Inject
    JdbcShopStore shops;

    @Inject
    Clock clock;

    /**
     * The latest shop of this platform and domain, its webhook secret made {@code webhookSecret} if it differs (the
     * old one stays accepted as the previous); or a new shop with that secret and a new API key.
     */
    public synchronized Resolved findOrCreate(String platform, String domain, String webhookSecret) {
        Optional<Shop> found = shops.findByPlatformAndDomain(platform, domain);
        if (found.isPresent()) {
            Shop shop = found.get();
            if (!shop.webhookSecret().equals(webhookSecret)) {
                shops.rotateWebhookSecret(shop.id(), webhookSecret);
                shop = shops.find(shop.id()).orElse(shop);
            }
            return new Resolved(shop, null);
        }
        Shop shop = new Shop(ShopId.random(), platform, domain, webhookSecret, null, clock.instant());
        String apiKey = ApiKeys.newKey();
        shops.create(shop, ApiKeys.hash(apiKey));
        LOG.log(System.Logger.Level.INFO, "shop {0}: registered by the {1} install of {2}", shop.id(), platform,
                domain);
        return new Resolved(shop, apiKey);
    }
}
