package dev.beckon.gateway.pipeline;

/** Why a parsed sighting did not reach the zone state machine. Each is counted. */
public enum PipelineDrop {
    /** The store is not (or no longer) in the pairing registry. */
    UNKNOWN_STORE,
    /** The store has no zone with a beacon or fixed scanner, so nothing can be tracked there. */
    NO_ZONES,
    /**
     * Heard by a roaming scanner (the store app) but not a beacon paired with that store: a neighbour's beacon,
     * a sensor shaped like an iBeacon, a spoof. The "unknown" count.
     */
    UNPAIRED_BEACON,
    /** A fixed scanner heard one of the store's own paired beacons: not a shopper. */
    NOT_A_SHOPPER,
    /** The store already tracks {@link PipelineSettings#maxPairsPerStore()} (device, marker) pairs. */
    TOO_MANY_DEVICES,
    /** The {@link ProximitySink} threw for an event. */
    SINK_FAILED,
    /**
     * An Eddystone-EID id that a registered beacon broadcast in an older window: a replayed or cloned frame, not
     * acted on.
     */
    STALE_EID,
    /**
     * The beacon or device was heard in two stores of the shop within a short interval (or is still quarantined
     * for it): a clone or a forged report, not acted on.
     */
    BEACON_IN_TWO_STORES,
    /**
     * A zone event of a visit whose zone changes imply a speed no walker has; the visit's zone events are held
     * back from the implausible enter on. Counted per event held back.
     */
    IMPLAUSIBLE_SPEED,
    /**
     * The store's zone state runs on another gateway instance now (or on none yet: this one claims it at its next
     * lease round). Counted by every instance that receives a store's sightings without owning it.
     */
    NOT_OWNER
}
