package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.zones.StoreLayout;
import dev.beckon.gateway.zones.Zone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pairing of one store at one moment: its zones, and the markers of each zone (paired beacons, and fixed
 * scanners as {@code scanner:} keys) with their calibration. Immutable and thread-safe.
 */
public final class StorePairing {

    /** A zone marker: the key the zone state machine ranks and how to turn its RSSI into distance. */
    public record Marker(BeaconKey key, StoreZoneId zone, Calibration calibration) {

        public Marker {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(calibration, "calibration");
        }
    }

    private final ShopId shop;
    private final StoreId store;
    private final Map<BeaconKey, Marker> beacons;
    private final Map<String, Marker> fixedScanners;
    private final StoreLayout layout;
    private final Map<StoreZoneId, ZoneDefinition> zones;
    private final Map<String, RegisteredScanner> scanners;
    private final List<Object> rows;

    StorePairing(ShopId shop, StoreId store, List<ZoneDefinition> zones, List<PairedBeacon> pairedBeacons,
                 List<RegisteredScanner> scanners) {
        this.shop = Objects.requireNonNull(shop, "shop");
        this.store = Objects.requireNonNull(store, "store");
        Map<BeaconKey, Marker> byBeacon = new LinkedHashMap<>();
        Map<String, Marker> byScanner = new LinkedHashMap<>();
        Map<StoreZoneId, Set<BeaconKey>> markersByZone = new LinkedHashMap<>();
        zones.forEach(zone -> markersByZone.put(zone.zone(), new HashSet<>()));
        for (PairedBeacon beacon : pairedBeacons) {
            requireZone(markersByZone, beacon.zone()).add(beacon.beacon());
            byBeacon.put(beacon.beacon(), new Marker(beacon.beacon(), beacon.zone(), beacon.calibration()));
        }
        for (RegisteredScanner scanner : scanners) {
            if (scanner.zone() != null) {
                BeaconKey key = BeaconKey.scanner(scanner.scanner().scannerId());
                requireZone(markersByZone, scanner.zone()).add(key);
                byScanner.put(scanner.scanner().scannerId(), new Marker(key, scanner.zone(), scanner.calibration()));
            }
        }
        List<Zone> layoutZones = new ArrayList<>();
        for (ZoneDefinition zone : zones) {
            Set<BeaconKey> markers = markersByZone.get(zone.zone());
            if (!markers.isEmpty()) {
                layoutZones.add(new Zone(zone.zone(), markers, zone.enterWithinMetres(), zone.exitBeyondMetres()));
            }
        }
        Map<StoreZoneId, ZoneDefinition> zoneById = new LinkedHashMap<>();
        zones.forEach(zone -> zoneById.put(zone.zone(), zone));
        this.zones = Map.copyOf(zoneById);
        Map<String, RegisteredScanner> scannerById = new LinkedHashMap<>();
        scanners.forEach(scanner -> scannerById.put(scanner.scanner().scannerId(), scanner));
        this.scanners = Map.copyOf(scannerById);
        this.beacons = Map.copyOf(byBeacon);
        this.fixedScanners = Map.copyOf(byScanner);
        this.layout = layoutZones.isEmpty() ? null : new StoreLayout(store, layoutZones);
        this.rows = List.of(List.copyOf(zones), Set.copyOf(pairedBeacons), Set.copyOf(scanners));
    }

    private Set<BeaconKey> requireZone(Map<StoreZoneId, Set<BeaconKey>> zones, StoreZoneId zone) {
        Set<BeaconKey> markers = zones.get(zone);
        if (markers == null) {
            throw new IllegalArgumentException("zone " + zone + " is not a zone of store " + shop + "/" + store);
        }
        return markers;
    }

    public ShopId shop() {
        return shop;
    }

    public StoreId store() {
        return store;
    }

    /** The zones that have at least one marker; empty when none has (nothing in this store can be tracked). */
    public Optional<StoreLayout> layout() {
        return Optional.ofNullable(layout);
    }

    /** A scanner registered with this store. */
    public Optional<RegisteredScanner> scanner(String scannerId) {
        return Optional.ofNullable(scanners.get(scannerId));
    }

    /** The definition of a zone of this store (radii, optional position). */
    public Optional<ZoneDefinition> zone(StoreZoneId zone) {
        return Optional.ofNullable(zones.get(zone));
    }

    /** The marker of a beacon paired with this store, if it is one. */
    public Optional<Marker> beacon(BeaconKey beacon) {
        return Optional.ofNullable(beacons.get(beacon));
    }

    /** Same store with the same zones, beacons and scanners (so trackers built on one fit the other). */
    @Override
    public boolean equals(Object other) {
        // the pipeline asks this of the same snapshot's pairing for every sighting: identity first
        return this == other || other instanceof StorePairing that && shop.equals(that.shop) && store.equals(that.store)
                && rows.equals(that.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shop, store, rows);
    }

    /** The marker of a fixed scanner of this store, if {@code scannerId} is one (has a zone). */
    public Optional<Marker> fixedScanner(String scannerId) {
        return Optional.ofNullable(fixedScanners.get(scannerId));
    }
}
