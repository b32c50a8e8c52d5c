package dev.beckon.adapters.woocommerce.install;

import dev.beckon.api.model.ShopId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PendingInstalls} in memory, for one node: at most {@code capacity} shops (the oldest started install is
 * dropped first, so a flood of install starts cannot exhaust memory). Lost on restart, so the merchant then starts
 * the install again. Thread-safe.
 */
public final class InMemoryPendingInstalls implements PendingInstalls {

    private final Map<ShopId, PendingInstall> installs;

    /** @param capacity how many pending installs are kept at most; at least 1 */
    public InMemoryPendingInstalls(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.installs = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ShopId, PendingInstall> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized void save(PendingInstall install) {
        Objects.requireNonNull(install, "install");
        installs.remove(install.shop());
        installs.put(install.shop(), install);
    }

    @Override
    public synchronized Optional<PendingInstall> find(ShopId shop) {
        return Optional.ofNullable(installs.get(shop));
    }

    @Override
    public synchronized boolean consume(PendingInstall install) {
        return installs.remove(install.shop(), install);
    }
}
