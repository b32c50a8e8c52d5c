package dev.beckon.gateway.eid;

import dev.beckon.gateway.decode.BeaconKey;

import java.util.Objects;

/** What an observed ephemeral id resolved to. */
public sealed interface EidResolution {

    /** The id of a registered beacon in an accepted window. @param beacon the beacon; never null */
    record Resolved(EidBeacon beacon) implements EidResolution {

        public Resolved {
            Objects.requireNonNull(beacon, "beacon");
        }

        /** Its stable key. */
        public BeaconKey key() {
            return beacon.key();
        }
    }

    /**
     * The id a registered beacon broadcast in an older window: a replayed or cloned frame (or a beacon whose
     * clock fell far behind). Not to be acted on.
     *
     * @param beacon the beacon it belonged to; never null
     */
    record Stale(EidBeacon beacon) implements EidResolution {

        public Stale {
            Objects.requireNonNull(beacon, "beacon");
        }
    }

    /** No registered beacon broadcast this id recently. */
    record Unknown() implements EidResolution {
    }

    EidResolution UNKNOWN = new Unknown();
}
