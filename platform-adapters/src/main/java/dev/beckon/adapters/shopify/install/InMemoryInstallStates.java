package dev.beckon.adapters.shopify.install;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link InstallStates} in this JVM's memory: good for one suite instance (an install's redirect and callback must
 * reach the same instance, or use a shared store). Expired nonces are dropped as new ones come in, and at most
 * {@code capacity} are kept: past that the oldest pending install is forgotten (its merchant starts again), so
 * hammering the install URL cannot exhaust memory. Thread-safe.
 */
public final class InMemoryInstallStates implements InstallStates {

    private record Pending(ShopDomain shop, Instant expiresAt) {
    }

    private final Clock clock;
    private final int capacity;
    /** Insertion order: with one TTL, the oldest entry expires first. Guarded by {@code this}. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /**
     * @param clock    never null
     * @param capacity how many unfinished installs to remember, {@code > 0}
     */
    public InMemoryInstallStates(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void remember(String state, ShopDomain shop, Instant expiresAt) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        Iterator<Pending> oldestFirst = pending.values().iterator();
        while (oldestFirst.hasNext()) {
            Pending next = oldestFirst.next();
            if (!now.isBefore(next.expiresAt()) || pending.size() >= capacity) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
        pending.put(state, new Pending(shop, expiresAt));
    }

    @Override
    public synchronized Optional<ShopDomain> consume(String state) {
        if (state == null) {
            return Optional.empty();
        }
        Pending found = pending.remove(state);
        if (found == null || !clock.instant().isBefore(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found.shop());
    }

    /** How many installs are pending (expired ones may still be counted until the next {@link #remember}). */
    public synchronized int size() {
        return pending.size();
    }
}
