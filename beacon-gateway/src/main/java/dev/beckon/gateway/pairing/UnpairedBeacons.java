package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.Sighting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Remembers the unpaired beacons each scanner of a store hears, so a store can pair a beacon by putting it next to
 * a scanner and confirming the one the gateway {@linkplain #propose proposes}: per (scanner, beacon) the last
 * readings (median and strongest RSSI), the frame's measured power, the count and first/last seen.
 *
 * <p>Fed by the sighting pipeline with the beacons a store has not paired. Only beacons that can be paired by key
 * are remembered: iBeacon, AltBeacon, Eddystone-UID and Eddystone-URL ({@code eddystone-eid:} rotations are
 * paired with their identity key instead, and {@code scanner:} keys are no radio identity), and not the sensors
 * known to send iBeacon-shaped frames whose major and minor are readings (Tilt hydrometers, BM2 battery monitors,
 * Theengs trackers; their power byte is often positive, which the decoder already reads as "no measured power").
 * A beacon paired in any
 * store of the shop, or a spoof suspect ({@link #suspect}), is not proposed.
 *
 * <p>Memory is bounded: a store remembers at most {@link ProposalSettings#maxKeysPerStore()} beacon keys (a new
 * one evicts the one heard least recently), a beacon not heard for {@link ProposalSettings#expireAfter()} is
 * forgotten, and only stores the pipeline knows are fed. Time is the injected clock's (when the gateway heard a
 * frame, not the scanner's stamp).
 *
 * <p>Thread-safe: the ingest worker feeds it while request threads read it; every method holds this object's lock
 * briefly and never blocks otherwise.
 */
public final class UnpairedBeacons {

    private record StoreKey(ShopId shop, StoreId store) {
    }

    /** The readings of one beacon by one scanner, newest last in a ring. */
    private static final class Heard {
        final double[] rssi;
        final Instant[] at;
        int next;
        int size;
        long sightings;
        Integer measuredPower;
        final Instant firstSeen;
        Instant lastSeen;

        Heard(int capacity, Instant now) {
            rssi = new double[capacity];
            at = new Instant[capacity];
            firstSeen = now;
        }

        void add(double dbm, Integer power, Instant now) {
            rssi[next] = dbm;
            at[next] = now;
            next = (next + 1) % rssi.length;
            size = Math.min(size + 1, rssi.length);
            sightings++;
            lastSeen = now;
            if (power != null) {
                measuredPower = power;
            }
        }
    }

    /** The proximity UUIDs of iBeacon-shaped sensors: Tilt (one per colour), Theengs-iBeacon1, BM2. */
    private static final Pattern SENSOR = Pattern.compile("ibeacon:(a495bb[1-8]0-c5b1-4b44-b512-1370f02d74de"
            + "|54686565-6e67-732d-6942-6561636f6e31|655f83ca-ae16-a10a-702e-31f30d58dd82):.*");

    private final ProposalSettings settings;
    private final Clock clock;
    /** Per store, beacon keys in the order last heard (stalest first), each with its scanners' readings. */
    private final Map<StoreKey, LinkedHashMap<BeaconKey, Map<String, Heard>>> stores = new HashMap<>();

    /** @param settings never null @param clock the gateway's clock; never null */
    public UnpairedBeacons(ProposalSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a beacon of this key can be paired by key and is no known sensor, and so can be proposed. */
    public static boolean pairableByKey(BeaconKey key) {
        String value = key.value();
        return value.startsWith("ibeacon:") ? !SENSOR.matcher(value).matches()
                : value.startsWith("altbeacon:") || value.startsWith("eddystone-uid:")
                || value.startsWith("eddystone-url:");
    }

    /**
     * Remembers that the sighting's scanner heard its beacon, which the caller found unpaired in the shop. A
     * sighting without a beacon key, or with one that cannot be paired by key, is ignored.
     *
     * @param sighting never null
     */
    public synchronized void heard(Sighting sighting) {
        BeaconKey key = sighting.beacon();
        if (key == null || !pairableByKey(key)) {
            return;
        }
        Instant now = clock.instant();
        LinkedHashMap<BeaconKey, Map<String, Heard>> store = stores.computeIfAbsent(
                new StoreKey(sighting.shop(), sighting.store()), k -> new LinkedHashMap<>());
        // re-inserted, so the map's order stays stalest first
        Map<String, Heard> scanners = store.remove(key);
        if (scanners == null) {
            scanners = new HashMap<>(4);
        }
        store.put(key, scanners);
        scanners.computeIfAbsent(sighting.scanner().scannerId(), id -> new Heard(settings.readingsPerBeacon(), now))
                .add(sighting.rssiDbm(), sighting.advertisedRssiAt1m(), now);
        if (store.size() > settings.maxKeysPerStore()) {
            Iterator<BeaconKey> stalest = store.keySet().iterator();
            stalest.next();
            stalest.remove();
        }
    }

    /**
     * Forgets a beacon in every store of the shop: it was heard where it cannot be (two stores at once) and will
     * not be proposed from what was heard so far.
     */
    public synchronized void suspect(ShopId shop, BeaconKey key) {
        stores.forEach((store, beacons) -> {
            if (store.shop().equals(shop)) {
                beacons.remove(key);
            }
        });
    }

    /** Forgets what was not heard for {@link ProposalSettings#expireAfter()}. Call it about once a second. */
    public synchronized void forgetExpired() {
        Instant before = clock.instant().minus(settings.expireAfter());
        Iterator<LinkedHashMap<BeaconKey, Map<String, Heard>>> byStore = stores.values().iterator();
        while (byStore.hasNext()) {
            LinkedHashMap<BeaconKey, Map<String, Heard>> beacons = byStore.next();
            Iterator<Map<String, Heard>> stalestFirst = beacons.values().iterator();
            while (stalestFirst.hasNext()) {
                Map<String, Heard> scanners = stalestFirst.next();
                scanners.values().removeIf(heard -> heard.lastSeen.isBefore(before));
                if (!scanners.isEmpty()) {
                    break;
                }
                stalestFirst.remove();
            }
            if (beacons.isEmpty()) {
                byStore.remove();
            }
        }
    }

    /** Beacon keys remembered now, over all stores; for tests and metrics. */
    public synchronized int remembered() {
        return stores.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * What {@code scanner} hears now and the beacon it proposes for pairing: the strongest recent one, when it
     * was heard at least {@link ProposalSettings#minSightings()} times recently and its median RSSI is at least
     * {@link ProposalSettings#clearMarginDb()} above every other recent one's.
     *
     * @param scanner never null
     * @param paired  whether a key is paired in the shop now (such a beacon is left out); never null
     * @return never null
     */
    public synchronized Proposal propose(ScannerRef scanner, Predicate<BeaconKey> paired) {
        Instant now = clock.instant();
        Instant expired = now.minus(settings.expireAfter());
        Instant recentAfter = now.minus(settings.recentWithin());
        List<HeardBeacon> heard = new ArrayList<>();
        stores.getOrDefault(new StoreKey(scanner.shop(), scanner.store()), new LinkedHashMap<>())
                .forEach((key, scanners) -> {
                    Heard readings = scanners.get(scanner.scannerId());
                    if (readings != null && !readings.lastSeen.isBefore(expired) && !paired.test(key)) {
                        heard.add(view(key, readings, recentAfter));
                    }
                });
        heard.sort(Comparator.comparing(HeardBeacon::recent).reversed()
                .thenComparing(Comparator.comparingDouble(HeardBeacon::rssi).reversed())
                .thenComparing(beacon -> beacon.key().value()));
        if (heard.isEmpty()) {
            return new Proposal.NoneProposed(Proposal.Reason.NOTHING_HEARD, "scanner " + scanner.scannerId()
                    + " hears no unpaired beacon; put the beacon next to it and make sure the scanner is publishing",
                    heard);
        }
        HeardBeacon first = heard.get(0);
        if (!first.recent()) {
            return new Proposal.NoneProposed(Proposal.Reason.NOT_RECENT, "no unpaired beacon was heard by scanner "
                    + scanner.scannerId() + " in the last " + settings.recentWithin().toSeconds() + " s", heard);
        }
        if (first.recentSightings() < settings.minSightings()) {
            return new Proposal.NoneProposed(Proposal.Reason.TOO_FEW_SIGHTINGS, first.key() + " was heard only "
                    + first.recentSightings() + " time(s) in the last " + settings.recentWithin().toSeconds()
                    + " s; wait for " + settings.minSightings(), heard);
        }
        if (heard.size() > 1 && heard.get(1).recent()) {
            HeardBeacon second = heard.get(1);
            double margin = first.rssi() - second.rssi();
            if (margin < settings.clearMarginDb()) {
                return new Proposal.NoneProposed(Proposal.Reason.NOT_CLEARLY_STRONGEST, String.format(Locale.ROOT,
                        "%s (%.0f dBm) is only %.1f dB stronger than %s (%.0f dBm), %.0f dB are needed; move the"
                                + " beacon to pair closer to the scanner, or the other one away",
                        first.key(), first.rssi(), margin, second.key(), second.rssi(), settings.clearMarginDb()),
                        heard);
            }
            return new Proposal.Proposed(first, margin, heard);
        }
        return new Proposal.Proposed(first, Double.POSITIVE_INFINITY, heard);
    }

    private static HeardBeacon view(BeaconKey key, Heard readings, Instant recentAfter) {
        double[] recent = new double[readings.size];
        int count = 0;
        for (int i = 0; i < readings.size; i++) {
            if (!readings.at[i].isBefore(recentAfter)) {
                recent[count++] = readings.rssi[i];
            }
        }
        double[] sample = count > 0 ? Arrays.copyOf(recent, count) : Arrays.copyOf(readings.rssi, readings.size);
        Arrays.sort(sample);
        int n = sample.length;
        double median = n % 2 == 1 ? sample[n / 2] : (sample[n / 2 - 1] + sample[n / 2]) / 2;
        return new HeardBeacon(key, median, sample[n - 1], count > 0, count, readings.sightings,
                readings.measuredPower, readings.firstSeen, readings.lastSeen);
    }
}
