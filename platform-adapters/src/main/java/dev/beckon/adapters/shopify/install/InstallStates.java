package dev.beckon.adapters.shopify.install;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link ShopifyInstall} keeps the {@code state} nonces of installs that were started and not yet finished.
 * Each nonce is good once: {@link #consume} hands it out at most one time, so a replayed callback is refused. The
 * suite may back this with its database when several instances share installs; {@link InMemoryInstallStates} serves
 * one instance. Implementations are thread-safe.
 */
public interface InstallStates {

    /**
     * Remembers a fresh nonce for an install of {@code shop}, until {@code expiresAt}.
     *
     * @param state     random, never null
     * @param shop      never null
     * @param expiresAt never null
     */
    void remember(String state, ShopDomain shop, Instant expiresAt);

    /**
     * Takes a nonce out, atomically: of two concurrent calls with the same nonce at most one gets it.
     *
     * @param state may be null (gives empty)
     * @return the shop it was issued for; empty if unknown, expired or already consumed
     */
    Optional<ShopDomain> consume(String state);
}
