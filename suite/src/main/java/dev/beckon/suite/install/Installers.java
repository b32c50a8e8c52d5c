package dev.beckon.suite.install;

import dev.beckon.adapters.bigcommerce.admin.BigCommerceHooks;
import dev.beckon.adapters.bigcommerce.install.BigCommerceAppSettings;
import dev.beckon.adapters.bigcommerce.install.BigCommerceInstall;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.adapters.shopify.admin.ShopifyWebhookSubscriptions;
import dev.beckon.adapters.shopify.install.InstallStates;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.adapters.shopify.install.ShopifyAppSettings;
import dev.beckon.adapters.shopify.install.ShopifyInstall;
import dev.beckon.adapters.shopify.install.ShopifyTokenExchange;
import dev.beckon.suite.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

/**
 * Builds the Shopify and BigCommerce install flows. They are cheap and are built per request, because each needs
 * the webhook URL of a shop the suite only finds or creates once the platform has vouched for it. A platform whose
 * client id or secret is not configured answers 503 naming the variables to set.
 */
@ApplicationScoped
public class Installers {

    /** Chosen over 501: the feature exists, this instance is just not set up for it yet. */
    static final int NOT_CONFIGURED = 503;

    private final SecureRandom random = new SecureRandom();

    @Inject
    InstallSettings settings;

    @Inject
    InstallStates states;

    @Inject
    ShopifyTokenExchange tokens;

    @Inject
    ShopifyWebhookSubscriptions shopifyWebhooks;

    @Inject
    BigCommerceHooks bigCommerceHooks;

    @Inject
    Throttles throttles;

    @Inject
    Clock clock;

    /** @param webhookCallbacks Beckon's webhook URL for the shop Shopify vouched for */
    public ShopifyInstall shopify(Function<ShopDomain, URI> webhookCallbacks) {
        if (!settings.shopifyConfigured()) {
            throw new ProblemException(NOT_CONFIGURED, "Shopify install is not configured: set"
                    + " BECKON_SHOPIFY_CLIENT_ID and BECKON_SHOPIFY_CLIENT_SECRET (the app's client id and secret"
                    + " from the Partner Dashboard)");
        }
        ShopifyAppSettings app = new ShopifyAppSettings(settings.shopifyClientId(), settings.shopifyClientSecret(),
                settings.shopifyScopes(), settings.publicUrl("/install/shopify/callback"),
                ShopifyAppSettings.DEFAULT_STATE_TTL);
        return new ShopifyInstall(app, states, tokens, shopifyWebhooks, webhookCallbacks, clock, random);
    }

    /** @param webhookCallbacks Beckon's webhook URL for the store hash BigCommerce vouched for */
    public BigCommerceInstall bigCommerce(Function<String, URI> webhookCallbacks) {
        if (!settings.bigCommerceConfigured()) {
            throw new ProblemException(NOT_CONFIGURED, "BigCommerce install is not configured: set"
                    + " BECKON_BIGCOMMERCE_CLIENT_ID and BECKON_BIGCOMMERCE_CLIENT_SECRET (the app's client id and"
                    + " secret from the Developer Portal)");
        }
        BigCommerceAppSettings app = new BigCommerceAppSettings(settings.bigCommerceClientId(),
                settings.bigCommerceClientSecret(), settings.publicUrl("/install/bigcommerce/auth"),
                settings.bigCommerceRequiredScopes());
        return new BigCommerceInstall(app, settings.bigCommerceLoginUrl(), RestClients.of("BigCommerce", clock),
                throttles.of("bigcommerce:login"), bigCommerceHooks, webhookCallbacks, clock);
    }

    /** For the load, uninstall and remove-user callbacks, which only verify a signed JWT. */
    public BigCommerceInstall bigCommerce() {
        return bigCommerce(storeHash -> {
            throw new IllegalStateException("no webhooks outside /auth");
        });
    }
}
