package dev.beckon.adapters.http;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link Throttle} per shop (keyed by the platform's shop key: {@code x.myshopify.com}, a BigCommerce store
 * hash), shared by every client that calls that shop's API. Thread-safe. Holds one small object per shop that was
 * ever called; {@link #forget} drops it when a shop uninstalls.
 */
public final class Throttles {

    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, Throttle> byShop = new ConcurrentHashMap<>();

    /**
     * @param clock   never null
     * @param sleeper never null; {@link Sleeper#THREAD} in production
     */
    public Throttles(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The shop's throttle, made on first use; never null. */
    public Throttle of(String shopKey) {
        Objects.requireNonNull(shopKey, "shopKey");
        return byShop.computeIfAbsent(shopKey, key -> new Throttle(clock, sleeper));
    }

    /** Drops a shop's throttle (after an uninstall). */
    public void forget(String shopKey) {
        byShop.remove(shopKey);
    }
}
