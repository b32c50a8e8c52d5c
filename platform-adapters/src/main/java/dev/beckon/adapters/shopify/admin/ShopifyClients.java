package dev.beckon.adapters.shopify.admin;

import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttle;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.adapters.shopify.install.ShopifyTokenExchange;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One {@link ShopifyGraphql} client per shop, built on first use and kept, each with the shop's {@link Throttle}.
 * A shop key that is not a {@code myshopify.com} domain is refused before any client is built, so an access token
 * is never sent to another host. Thread-safe.
 *
 * @see ShopifyTokenExchange#PRODUCTION
 */
public final class ShopifyClients {

    /** The GraphQL Admin API version Beckon is written against. */
    public static final String DEFAULT_API_VERSION = "2025-10";

    private final Function<ShopDomain, URI> shopOrigin;
    private final RestClients clients;
    private final Throttles throttles;
    private final String apiVersion;
    private final ConcurrentMap<ShopDomain, ShopifyGraphql> graphql = new ConcurrentHashMap<>();

    /**
     * @param shopOrigin {@link ShopifyTokenExchange#PRODUCTION} in production; a local server in tests
     * @param clients    never null
     * @param throttles  never null
     * @param apiVersion {@code 2025-10}; never blank
     */
    public ShopifyClients(Function<ShopDomain, URI> shopOrigin, RestClients clients, Throttles throttles,
            String apiVersion) {
        this.shopOrigin = Objects.requireNonNull(shopOrigin, "shopOrigin");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.throttles = Objects.requireNonNull(throttles, "throttles");
        if (apiVersion == null || !apiVersion.matches("[0-9]{4}-[0-9]{2}|unstable")) {
            throw new IllegalArgumentException("apiVersion must look like 2025-10");
        }
        this.apiVersion = apiVersion;
    }

    /**
     * @throws PlatformCallException {@code REJECTED} if the key is not a {@code myshopify.com} domain, before any
     *                               call: the access token is never sent to another host
     */
    public static ShopDomain shop(String shopKey) {
        return ShopDomain.validate(shopKey).orElseThrow(() -> new PlatformCallException(
                PlatformCallException.Kind.REJECTED, "the shop key is not a myshopify.com domain"));
    }

    /** The shop's client; never null. */
    public ShopifyGraphql graphql(ShopDomain shop) {
        return graphql.computeIfAbsent(shop,
                key -> clients.build(ShopifyGraphql.class, shopOrigin.apply(key), throttle(key)));
    }

    /** The shop's throttle; never null. */
    public Throttle throttle(ShopDomain shop) {
        return throttles.of(shop.value());
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** Drops the shop's client and throttle (after an uninstall). */
    public void forget(ShopDomain shop) {
        graphql.remove(shop);
        throttles.forget(shop.value());
    }
}
