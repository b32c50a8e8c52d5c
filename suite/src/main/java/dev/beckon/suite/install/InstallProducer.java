package dev.beckon.suite.install;

import dev.beckon.adapters.bigcommerce.admin.BigCommerceAdminApi;
import dev.beckon.adapters.bigcommerce.admin.BigCommerceClients;
import dev.beckon.adapters.bigcommerce.admin.BigCommerceHooks;
import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Sleeper;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.adapters.saleor.HttpJwksSource;
import dev.beckon.adapters.saleor.install.AppManifest;
import dev.beckon.adapters.saleor.install.HttpSaleorApi;
import dev.beckon.adapters.saleor.install.SaleorAppSettings;
import dev.beckon.adapters.saleor.install.SaleorRegistration;
import dev.beckon.adapters.shopify.admin.GraphqlCalls;
import dev.beckon.adapters.shopify.admin.ShopifyAdminApi;
import dev.beckon.adapters.shopify.admin.ShopifyClients;
import dev.beckon.adapters.shopify.admin.ShopifyWebhookSubscriptions;
import dev.beckon.adapters.shopify.install.InstallStates;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.adapters.shopify.install.ShopifyTokenExchange;
import dev.beckon.adapters.woocommerce.install.HttpWooStoreApi;
import dev.beckon.adapters.woocommerce.install.PendingInstalls;
import dev.beckon.adapters.woocommerce.install.WooInstall;
import dev.beckon.adapters.woocommerce.install.WooInstallSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

/**
 * Wires the platform-adapters install flows and admin-API clients: one shared {@link Throttles} (one rate limit per
 * shop, whoever calls it), the database-backed nonce and pending-install stores, and per platform the REST
 * clients, pointed at production unless the settings name another base URL (tests point them at a local server).
 */
@ApplicationScoped
public class InstallProducer {

    @Produces
    @Singleton
    InstallSettings installSettings() {
        Config config = ConfigProvider.getConfig();
        return InstallSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
    }

    @Produces
    @Singleton
    Throttles throttles(Clock clock) {
        return new Throttles(clock, Sleeper.THREAD);
    }

    @Produces
    @Singleton
    InstallStates installStates(DataSource dataSource, Clock clock) {
        return new JdbcInstallStates(dataSource, clock);
    }

    @Produces
    @Singleton
    PendingInstalls pendingInstalls(DataSource dataSource, Clock clock) {
        return new JdbcPendingInstalls(dataSource, clock);
    }

    /** Where a Shopify shop's API is: production {@code https://{shop}}, or the configured base URL. */
    static Function<ShopDomain, URI> shopifyOrigin(InstallSettings settings) {
        URI base = settings.shopifyAdminBaseUrl();
        return base == null ? ShopifyTokenExchange.PRODUCTION : shop -> base;
    }

    @Produces
    @Singleton
    ShopifyTokenExchange shopifyTokenExchange(InstallSettings settings, Clock clock, Throttles throttles) {
        return new ShopifyTokenExchange(shopifyOrigin(settings), RestClients.of("Shopify", clock), throttles);
    }

    @Produces
    @Singleton
    ShopifyClients shopifyClients(InstallSettings settings, Clock clock, Throttles throttles) {
        return new ShopifyClients(shopifyOrigin(settings), RestClients.of("Shopify", clock), throttles,
                settings.shopifyApiVersion());
    }

    @Produces
    @Singleton
    GraphqlCalls shopifyGraphqlCalls(ShopifyClients clients) {
        return new GraphqlCalls(clients, BoundedRetry.DEFAULT);
    }

    @Produces
    @Singleton
    ShopifyWebhookSubscriptions shopifyWebhookSubscriptions(GraphqlCalls calls) {
        return new ShopifyWebhookSubscriptions(calls);
    }

    @Produces
    @Singleton
    ShopifyAdminApi shopifyAdminApi(GraphqlCalls calls) {
        return new ShopifyAdminApi(calls);
    }

    @Produces
    @Singleton
    BigCommerceClients bigCommerceClients(InstallSettings settings, Clock clock, Throttles throttles) {
        return new BigCommerceClients(settings.bigCommerceApiUrl(), RestClients.of("BigCommerce", clock), throttles,
                BoundedRetry.DEFAULT);
    }

    @Produces
    @Singleton
    BigCommerceHooks bigCommerceHooks(BigCommerceClients clients) {
        return new BigCommerceHooks(clients);
    }

    @Produces
    @Singleton
    BigCommerceAdminApi bigCommerceAdminApi(BigCommerceClients clients) {
        return new BigCommerceAdminApi(clients);
    }

    @Produces
    @Singleton
    WooInstall wooInstall(InstallSettings settings, PendingInstalls pending, Clock clock) {
        return new WooInstall(new WooInstallSettings(settings.publicBaseUrl(), WooInstallSettings.DEFAULT_PENDING_TTL,
                settings.wooAllowHttpStores()), new HttpWooStoreApi(), pending, clock, new SecureRandom());
    }

    @Produces
    @Singleton
    SaleorAppSettings saleorAppSettings(InstallSettings settings) {
        SaleorAppSettings defaults = SaleorAppSettings.of(settings.publicBaseUrl(), settings.saleorAppVersion());
        return new SaleorAppSettings(defaults.publicBaseUrl(), defaults.appId(), defaults.name(), defaults.version(),
                defaults.about(), defaults.requiredSaleorVersion(), settings.saleorAllowedApiHosts(),
                settings.saleorAllowHttpLoopback());
    }

    @Produces
    @Singleton
    AppManifest saleorManifest(SaleorAppSettings settings) {
        return new AppManifest(settings);
    }

    @Produces
    @Singleton
    SaleorRegistration saleorRegistration(SaleorAppSettings settings) {
        return new SaleorRegistration(settings, new HttpSaleorApi(), new HttpJwksSource());
    }
}
