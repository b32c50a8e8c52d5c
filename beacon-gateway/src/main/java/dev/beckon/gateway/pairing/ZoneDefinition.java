package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;

import java.util.Objects;

/**
 * A zone of a store and its radii (see {@link dev.beckon.gateway.zones.Zone}). Immutable.
 *
 * @param enterWithinMetres positive
 * @param exitBeyondMetres  at least {@code enterWithinMetres}
 */
public record ZoneDefinition(ShopId shop, StoreId store, StoreZoneId zone, double enterWithinMetres,
                             double exitBeyondMetres) {

    public ZoneDefinition {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(zone, "zone");
        if (!(enterWithinMetres > 0) || !(exitBeyondMetres >= enterWithinMetres)
                || Double.isInfinite(exitBeyondMetres)) {
            throw new IllegalArgumentException("need 0 < enterWithin <= exitBeyond, got " + enterWithinMetres
                    + ", " + exitBeyondMetres);
        }
    }
}
