package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;

import java.util.Objects;

/**
 * A store beacon paired to a zone: shoppers' phones hearing it are in or near that zone. Immutable.
 *
 * @param beacon never null; a radio identity (not a {@code scanner:} key)
 */
public record PairedBeacon(ShopId shop, StoreId store, BeaconKey beacon, StoreZoneId zone,
                           Calibration calibration) {

    public PairedBeacon {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calibration, "calibration");
        if (beacon.value().startsWith("scanner:")) {
            throw new IllegalArgumentException("pair a scanner with registerScanner, not as a beacon: " + beacon);
        }
    }
}
