package dev.beckon.gateway.eid;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.decode.BeaconKey;

import java.util.Objects;

/**
 * An Eddystone-EID beacon registered with a store: where it is and how to compute its ids. Its pairing to a zone
 * is an ordinary paired beacon under {@link #key()}. Immutable.
 *
 * @param shop     never null
 * @param store    never null
 * @param identity never null
 */
public record EidBeacon(ShopId shop, StoreId store, EidIdentity identity) {

    public EidBeacon {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(identity, "identity");
    }

    /** The stable key the beacon is paired under, {@link EidIdentity#beaconKey()}. */
    public BeaconKey key() {
        return identity.beaconKey();
    }
}
