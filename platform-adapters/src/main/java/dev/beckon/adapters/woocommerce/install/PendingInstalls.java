package dev.beckon.adapters.woocommerce.install;

import dev.beckon.api.model.ShopId;

import java.util.Optional;

/**
 * Where pending installs wait for their callback: at most one per shop (a new one replaces the old). The suite may
 * back this with its database so an install survives a restart or another node; {@link InMemoryPendingInstalls}
 * serves one node. Implementations are thread-safe and do no blocking I/O beyond their store.
 */
public interface PendingInstalls {

    /** Keeps the install, replacing any pending one of the same shop. */
    void save(PendingInstall install);

    /** The shop's pending install, expired or not; empty if none. */
    Optional<PendingInstall> find(ShopId shop);

    /**
     * Removes exactly this install, atomically.
     *
     * @return true if it was pending and is now removed; false if another call removed or replaced it first
     */
    boolean consume(PendingInstall install);
}
