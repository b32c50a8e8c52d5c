package dev.beckon.adapters.bigcommerce.admin;

import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttle;
import dev.beckon.adapters.http.Throttles;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One {@link BigCommerceV3} client per store hash, built on first use and kept, each with the store's {@link
 * Throttle} (BigCommerce's quota is per store). Runs a call through the throttle and {@link BoundedRetry}. A store
 * hash that is not {@code [a-z0-9]{1,64}} is refused before any call. Thread-safe.
 */
public final class BigCommerceClients {

    /** BigCommerce's API host. */
    public static final URI PRODUCTION_API = URI.create("https://api.bigcommerce.com");

    private static final Pattern STORE_HASH = Pattern.compile("[a-z0-9]{1,64}");

    private final URI api;
    private final RestClients clients;
    private final Throttles throttles;
    private final BoundedRetry retry;
    private final ConcurrentMap<String, BigCommerceV3> byStore = new ConcurrentHashMap<>();

    /**
     * @param api       {@link #PRODUCTION_API} in production, a local server in tests
     * @param clients   never null
     * @param throttles never null
     * @param retry     never null
     */
    public BigCommerceClients(URI api, RestClients clients, Throttles throttles, BoundedRetry retry) {
        this.api = Objects.requireNonNull(api, "api");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.throttles = Objects.requireNonNull(throttles, "throttles");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Runs one call for a store, paced and with 429s waited out.
     *
     * @throws PlatformCallException as the call fails; {@code REJECTED} for a malformed store hash
     */
    public <T> T call(String storeHash, Function<BigCommerceV3, T> call) {
        if (storeHash == null || !STORE_HASH.matcher(storeHash).matches()) {
            throw new PlatformCallException(PlatformCallException.Kind.REJECTED, "not a BigCommerce store hash");
        }
        BigCommerceV3 client = byStore.computeIfAbsent(storeHash,
                key -> clients.build(BigCommerceV3.class, api, throttles.of(key)));
        return retry.call(throttles.of(storeHash), () -> call.apply(client));
    }

    /** Drops the store's client and throttle (after an uninstall). */
    public void forget(String storeHash) {
        byStore.remove(storeHash);
        throttles.forget(storeHash);
    }
}
