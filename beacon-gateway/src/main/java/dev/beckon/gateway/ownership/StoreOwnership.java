package dev.beckon.gateway.ownership;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;

/**
 * Whether this instance runs a store's zone state now. The {@link dev.beckon.gateway.pipeline.SightingPipeline}
 * asks it for every sighting that would reach a store's filters, and on every tick, so an answer must come from
 * memory in O(1), never from the database.
 *
 * <p>An answer is a <em>term</em>: positive while this instance owns the store, {@link #NOT_OWNED} otherwise. The
 * term changes whenever the store changes hands, so an instance that gives a store up and takes it back later sees
 * a new term and starts the store's state afresh instead of resuming visits another instance carried on.
 *
 * <p>Implementations are thread-safe and never block or throw.
 */
@FunctionalInterface
public interface StoreOwnership {

    /** The term meaning "not owned by this instance now". */
    long NOT_OWNED = 0L;

    /** A single instance: it owns every store, always in the same term. The default. */
    StoreOwnership SOLE = (shop, store) -> 1L;

    /**
     * @param shop  never null
     * @param store never null
     * @return this instance's current term of ownership of the store (positive), or {@link #NOT_OWNED}
     */
    long term(ShopId shop, StoreId store);
}
