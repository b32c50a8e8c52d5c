package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;

import java.util.Objects;
import java.util.Optional;

/**
 * A zone of a store, its radii (see {@link dev.beckon.gateway.zones.Zone}) and, optionally, where its centre is on
 * the store's floor plan, for the speed plausibility check. Immutable.
 *
 * @param enterWithinMetres positive
 * @param exitBeyondMetres  at least {@code enterWithinMetres}
 * @param xMetres           the centre's x on the floor plan in metres, or null; set together with {@code yMetres}
 * @param yMetres           the centre's y on the floor plan in metres, or null
 */
public record ZoneDefinition(ShopId shop, StoreId store, StoreZoneId zone, double enterWithinMetres,
                             double exitBeyondMetres, Double xMetres, Double yMetres) {

    /** The largest coordinate accepted, 100 km: anything beyond is a unit mistake. */
    private static final double MAX_COORDINATE = 100_000;

    public ZoneDefinition {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(zone, "zone");
        if (!(enterWithinMetres > 0) || !(exitBeyondMetres >= enterWithinMetres)
                || Double.isInfinite(exitBeyondMetres)) {
            throw new IllegalArgumentException("need 0 < enterWithin <= exitBeyond, got " + enterWithinMetres
                    + ", " + exitBeyondMetres);
        }
        if ((xMetres == null) != (yMetres == null)) {
            throw new IllegalArgumentException("give both x and y of the zone's position, or neither");
        }
        if (xMetres != null && !(Math.abs(xMetres) <= MAX_COORDINATE && Math.abs(yMetres) <= MAX_COORDINATE)) {
            throw new IllegalArgumentException("zone position must be finite metres within 100 km, got " + xMetres
                    + ", " + yMetres);
        }
    }

    /** A zone without a position. */
    public ZoneDefinition(ShopId shop, StoreId store, StoreZoneId zone, double enterWithinMetres,
                          double exitBeyondMetres) {
        this(shop, store, zone, enterWithinMetres, exitBeyondMetres, null, null);
    }

    /** The same zone placed at ({@code x}, {@code y}) metres on the floor plan. */
    public ZoneDefinition at(double x, double y) {
        return new ZoneDefinition(shop, store, zone, enterWithinMetres, exitBeyondMetres, x, y);
    }

    /** The straight-line distance in metres between this zone's centre and {@code other}'s, if both have one. */
    public Optional<Double> distanceTo(ZoneDefinition other) {
        if (xMetres == null || other.xMetres == null) {
            return Optional.empty();
        }
        return Optional.of(Math.hypot(xMetres - other.xMetres, yMetres - other.yMetres));
    }
}
