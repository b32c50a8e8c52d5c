package dev.beckon.gateway.zones;

import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The zones of one store and which beacon marks which zone; each beacon belongs to exactly one zone.
 * Immutable and thread-safe.
 */
public final class StoreLayout {

    private final StoreId store;
    private final List<Zone> zones;
    private final Map<BeaconKey, Zone> zoneByBeacon;
    private final Map<BeaconKey, Integer> indexByBeacon;

    /**
     * @param store never null
     * @param zones at least one, distinct ids, no beacon in two zones; never null
     * @throws IllegalArgumentException when a zone id or a beacon appears twice
     */
    public StoreLayout(StoreId store, List<Zone> zones) {
        this.store = Objects.requireNonNull(store, "store");
        this.zones = List.copyOf(Objects.requireNonNull(zones, "zones"));
        if (this.zones.isEmpty()) {
            throw new IllegalArgumentException("store " + store + " needs at least one zone");
        }
        Set<StoreZoneId> ids = new HashSet<>();
        Map<BeaconKey, Zone> byBeacon = new HashMap<>();
        Map<BeaconKey, Integer> indexes = new HashMap<>();
        for (int index = 0; index < this.zones.size(); index++) {
            Zone zone = this.zones.get(index);
            if (!ids.add(zone.id())) {
                throw new IllegalArgumentException("zone " + zone.id() + " appears twice in store " + store);
            }
            for (BeaconKey beacon : zone.beacons()) {
                if (byBeacon.put(beacon, zone) != null) {
                    throw new IllegalArgumentException("beacon " + beacon + " is in two zones of store " + store);
                }
                indexes.put(beacon, index);
            }
        }
        this.zoneByBeacon = Map.copyOf(byBeacon);
        this.indexByBeacon = Map.copyOf(indexes);
    }

    public static StoreLayout of(StoreId store, Zone... zones) {
        return new StoreLayout(store, List.of(zones));
    }

    public StoreId store() {
        return store;
    }

    public List<Zone> zones() {
        return zones;
    }

    /**
     * The position in {@link #zones()} of the zone {@code beacon} marks, or -1 for a beacon not paired with this
     * store: for per-sighting work that keeps one slot per zone instead of a map keyed by zones.
     */
    public int zoneIndexOf(BeaconKey beacon) {
        Integer index = indexByBeacon.get(beacon);
        return index == null ? -1 : index;
    }

    /** The zone {@code beacon} marks; empty for a beacon that is not paired with this store. */
    public Optional<Zone> zoneOf(BeaconKey beacon) {
        return Optional.ofNullable(zoneByBeacon.get(beacon));
    }
}
