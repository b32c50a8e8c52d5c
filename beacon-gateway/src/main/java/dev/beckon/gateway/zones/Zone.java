package dev.beckon.gateway.zones;

import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;

import java.util.Objects;
import java.util.Set;

/**
 * A zone of a store (entrance, shoe wall, checkout) and the beacons that mark it. Its radius has hysteresis: a
 * device enters within {@code enterWithinMetres} and leaves beyond {@code exitBeyondMetres}, so a shopper
 * standing at the edge does not flap in and out. Distances are path-loss ranking scores in metres. Immutable.
 *
 * @param id                never null
 * @param beacons           at least one; never null
 * @param enterWithinMetres a fresh estimate this close to one of the zone's beacons can enter it; positive
 * @param exitBeyondMetres  an estimate farther than this leaves it; at least {@code enterWithinMetres}
 */
public record Zone(StoreZoneId id, Set<BeaconKey> beacons, double enterWithinMetres, double exitBeyondMetres) {

    /**
     * Default enter radius, 3 m: about -72 dBm for a beacon calibrated at -59 dBm with n = 2.7; a shelf's
     * reach, and inside the range where the log-distance model still ranks beacons reliably.
     */
    public static final double DEFAULT_ENTER_WITHIN_METRES = 3.0;
    /**
     * Default exit radius, 6 m: twice the enter radius (ESPresense counts in at 2 m and out at 4 m), about
     * -80 dBm with the same model, so ordinary noise around the enter edge does not cause an exit.
     */
    public static final double DEFAULT_EXIT_BEYOND_METRES = 6.0;

    public Zone {
        Objects.requireNonNull(id, "id");
        beacons = Set.copyOf(Objects.requireNonNull(beacons, "beacons"));
        if (beacons.isEmpty()) {
            throw new IllegalArgumentException("zone " + id + " needs at least one beacon");
        }
        if (!(enterWithinMetres > 0) || !(exitBeyondMetres >= enterWithinMetres)) {
            throw new IllegalArgumentException("zone " + id + " needs 0 < enterWithin <= exitBeyond, got "
                    + enterWithinMetres + ", " + exitBeyondMetres);
        }
    }

    /** A zone with the default radii. */
    public static Zone of(StoreZoneId id, BeaconKey... beacons) {
        return new Zone(id, Set.of(beacons), DEFAULT_ENTER_WITHIN_METRES, DEFAULT_EXIT_BEYOND_METRES);
    }
}
