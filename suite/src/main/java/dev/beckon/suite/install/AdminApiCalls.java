package dev.beckon.suite.install;

import dev.beckon.adapters.admin.CustomerContact;
import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.admin.ShopCredentials;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The platform-neutral admin-API calls for a shop, under Fault Tolerance ({@link ShopifyAdminCalls},
 * {@link BigCommerceAdminCalls}), with the credentials its install stored. Not on HTTP yet: journeys will call it.
 */
@ApplicationScoped
public class AdminApiCalls {

    @Inject
    ShopifyAdminCalls shopify;

    @Inject
    BigCommerceAdminCalls bigCommerce;

    @Inject
    JdbcShopStore shops;

    /**
     * What an admin call needs for this shop: Shopify's domain or BigCommerce's store hash, and the token.
     *
     * @throws PlatformCallException {@code UNAUTHENTICATED} if the shop is not installed (no token), {@code
     *                               REJECTED} if its platform has no admin API in Beckon
     */
    public ShopCredentials credentials(Shop shop) {
        Map<String, String> stored = shops.credentials(shop.id());
        String token = stored.get("access_token");
        if (token == null || token.isBlank()) {
            throw new PlatformCallException(PlatformCallException.Kind.UNAUTHENTICATED,
                    "shop " + shop.id() + " holds no access token; install the app again");
        }
        return switch (shop.platform()) {
            case ShopifyInstallResource.PLATFORM -> new ShopCredentials(shop.domain(), token);
            case BigCommerceInstallResource.PLATFORM -> new ShopCredentials(stored.getOrDefault("store_hash",
                    shop.domain().replaceFirst("^store-", "").replaceFirst("\\.mybigcommerce\\.com$", "")), token);
            default -> throw unsupported(shop.platform());
        };
    }

    public CustomerContact customer(String platform, ShopCredentials shop, CustomerId customer) {
        return switch (platform) {
            case ShopifyInstallResource.PLATFORM -> shopify.customer(shop, customer);
            case BigCommerceInstallResource.PLATFORM -> bigCommerce.customer(shop, customer);
            default -> throw unsupported(platform);
        };
    }

    public DiscountCode createSingleUseDiscount(String platform, ShopCredentials shop, DiscountSpec spec) {
        return switch (platform) {
            case ShopifyInstallResource.PLATFORM -> shopify.createSingleUseDiscount(shop, spec);
            case BigCommerceInstallResource.PLATFORM -> bigCommerce.createSingleUseDiscount(shop, spec);
            default -> throw unsupported(platform);
        };
    }

    public Optional<URI> checkoutRecoveryUrl(String platform, ShopCredentials shop, CheckoutId checkout) {
        return switch (platform) {
            case ShopifyInstallResource.PLATFORM -> shopify.checkoutRecoveryUrl(shop, checkout);
            case BigCommerceInstallResource.PLATFORM -> bigCommerce.checkoutRecoveryUrl(shop, checkout);
            default -> throw unsupported(platform);
        };
    }

    private static PlatformCallException unsupported(String platform) {
        return new PlatformCallException(PlatformCallException.Kind.REJECTED,
                "Beckon has no admin API for " + platform + " yet");
    }
}
