package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.eid.EidBeacon;
import dev.beckon.gateway.ingest.ScannerDirectory;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole pairing registry at one moment, in memory: what the ingest worker looks up for every message.
 * Immutable and thread-safe; {@link PairingRegistry} swaps in a new one when the registry changes.
 */
public final class PairingSnapshot implements ScannerDirectory {

    private record StoreKey(ShopId shop, StoreId store) {
    }

    private final Map<StoreKey, StorePairing> stores;
    private final Set<ScannerRef> scanners;
    private final Map<ScannerSource, Map<String, ScannerRef>> byExternalName;
    private final List<EidBeacon> eidBeacons;
    private final Map<ShopId, Set<BeaconKey>> pairedByShop;

    private PairingSnapshot(Map<StoreKey, StorePairing> stores, Set<ScannerRef> scanners,
                            Map<ScannerSource, Map<String, ScannerRef>> byExternalName, List<EidBeacon> eidBeacons,
                            Map<ShopId, Set<BeaconKey>> pairedByShop) {
        this.stores = Map.copyOf(stores);
        this.pairedByShop = Map.copyOf(pairedByShop);
        this.scanners = Set.copyOf(scanners);
        this.byExternalName = byExternalName;
        this.eidBeacons = List.copyOf(eidBeacons);
    }

    /** The Eddystone-EID beacons registered with their identity keys, over all stores. */
    public List<EidBeacon> eidBeacons() {
        return eidBeacons;
    }

    /** Whether {@code beacon} is paired with a zone of any store of {@code shop}. */
    public boolean pairedInShop(ShopId shop, BeaconKey beacon) {
        return pairedByShop.getOrDefault(shop, Set.of()).contains(beacon);
    }

    /** A registry with nothing registered. */
    public static PairingSnapshot empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every registered store's pairing, for claiming their leases up front. */
    public java.util.Collection<StorePairing> stores() {
        return stores.values();
    }

    /** The pairing of a registered store. */
    public Optional<StorePairing> store(ShopId shop, StoreId store) {
        return Optional.ofNullable(stores.get(new StoreKey(shop, store)));
    }

    @Override
    public Optional<ScannerRef> byExternalName(ScannerSource source, String name) {
        return Optional.ofNullable(byExternalName.getOrDefault(source, Map.of()).get(name));
    }

    @Override
    public boolean isRegistered(ScannerRef scanner) {
        return scanners.contains(scanner);
    }

    /** Collects a registry's rows; not thread-safe. */
    public static final class Builder {

        private final Map<StoreKey, List<ZoneDefinition>> zones = new LinkedHashMap<>();
        private final Map<StoreKey, List<PairedBeacon>> beacons = new HashMap<>();
        private final Map<StoreKey, List<RegisteredScanner>> scanners = new HashMap<>();
        private final List<EidBeacon> eidBeacons = new ArrayList<>();

        private Builder() {
        }

        public Builder store(ShopId shop, StoreId store) {
            zones.putIfAbsent(new StoreKey(shop, store), new ArrayList<>());
            return this;
        }

        /** @throws IllegalArgumentException when the store was not added first */
        public Builder zone(ZoneDefinition zone) {
            rows(zones, new StoreKey(zone.shop(), zone.store())).add(zone);
            return this;
        }

        public Builder beacon(PairedBeacon beacon) {
            StoreKey key = new StoreKey(beacon.shop(), beacon.store());
            rows(zones, key);
            beacons.computeIfAbsent(key, k -> new ArrayList<>()).add(beacon);
            return this;
        }

        /**
         * Registers the identity of an Eddystone-EID beacon; pair its {@link EidBeacon#key()} with a zone through
         * {@link #beacon} as well.
         */
        public Builder eidBeacon(EidBeacon beacon) {
            rows(zones, new StoreKey(beacon.shop(), beacon.store()));
            eidBeacons.add(beacon);
            return this;
        }

        public Builder scanner(RegisteredScanner scanner) {
            StoreKey key = new StoreKey(scanner.scanner().shop(), scanner.scanner().store());
            rows(zones, key);
            scanners.computeIfAbsent(key, k -> new ArrayList<>()).add(scanner);
            return this;
        }

        private static <T> List<T> rows(Map<StoreKey, List<T>> byStore, StoreKey key) {
            List<T> rows = byStore.get(key);
            if (rows == null) {
                throw new IllegalArgumentException("store " + key.shop() + "/" + key.store() + " is not registered");
            }
            return rows;
        }

        /** @throws IllegalArgumentException when a beacon or scanner names a zone its store does not have */
        public PairingSnapshot build() {
            Map<StoreKey, StorePairing> stores = new HashMap<>();
            Set<ScannerRef> refs = new HashSet<>();
            Map<ScannerSource, Map<String, ScannerRef>> names = new EnumMap<>(ScannerSource.class);
            for (ScannerSource source : ScannerSource.values()) {
                names.put(source, new HashMap<>());
            }
            zones.forEach((key, storeZones) -> stores.put(key, new StorePairing(key.shop(), key.store(), storeZones,
                    beacons.getOrDefault(key, List.of()), scanners.getOrDefault(key, List.of()))));
            scanners.values().stream().flatMap(List::stream).forEach(scanner -> {
                refs.add(scanner.scanner());
                if (scanner.externalName() != null
                        && names.get(scanner.source()).put(scanner.externalName(), scanner.scanner()) != null) {
                    throw new IllegalArgumentException(scanner.source() + " name " + scanner.externalName()
                            + " is registered twice");
                }
            });
            Map<ScannerSource, Map<String, ScannerRef>> frozen = new EnumMap<>(ScannerSource.class);
            names.forEach((source, byName) -> frozen.put(source, Map.copyOf(byName)));
            Map<ShopId, Set<BeaconKey>> paired = new HashMap<>();
            beacons.forEach((key, rows) -> rows.forEach(row -> paired.computeIfAbsent(key.shop(),
                    shop -> new HashSet<>()).add(row.beacon())));
            paired.replaceAll((shop, keys) -> Set.copyOf(keys));
            return new PairingSnapshot(stores, refs, frozen, eidBeacons, paired);
        }
    }
}
