package dev.beckon.gateway.eid;

import dev.beckon.gateway.decode.BeaconKey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves observed Eddystone-EID ephemeral ids to registered beacons with a lookup table, not with AES per
 * sighting. For each beacon it keeps the ids of the windows around the clock's window ({@link EidSettings}):
 * those are <em>accepted</em>; the {@link EidSettings#staleWindows()} windows before them are kept too, so a frame
 * replayed from an older window is told apart ({@link EidResolution.Stale}) from an id nobody registered.
 *
 * <p>The table moves on lazily: a lookup first checks whether the clock has passed the earliest window boundary
 * of any beacon, and if so recomputes the ids of that beacon's new windows (two AES blocks per new window, once
 * per window per beacon). With K = 10 and a thousand beacons that is about one AES pair per second.
 *
 * <p>Not thread-safe: confined to the ingest worker, like the pipeline that owns it.
 */
public final class EidResolver {

    private static final int EID_PREFIX_LENGTH = "eddystone-eid:".length();

    private record Slot(Tracked beacon, long window) {
    }

    private static final class Tracked {
        final EidBeacon beacon;
        final int perSide;
        final Map<Long, Long> idByWindow = new HashMap<>();
        long current = Long.MIN_VALUE;
        Instant nextWindowAt = Instant.MIN;

        Tracked(EidBeacon beacon, int perSide) {
            this.beacon = beacon;
            this.perSide = perSide;
        }
    }

    private final List<Tracked> beacons;
    private final EidSettings settings;
    private final Clock clock;
    private final Map<Long, Slot> byId = new HashMap<>();
    private Instant nextRefreshAt = Instant.MIN;

    /**
     * @param beacons  the registered beacons; never null
     * @param settings never null
     * @param clock    the gateway's clock; never null
     */
    public EidResolver(List<EidBeacon> beacons, EidSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beacons = Objects.requireNonNull(beacons, "beacons").stream()
                .map(beacon -> new Tracked(beacon, settings.windowsPerSide(beacon.identity().rotationExponent())))
                .toList();
    }

    /**
     * @param observed an {@code eddystone-eid:} key as heard; another kind of key is {@link EidResolution.Unknown}
     * @return never null
     */
    public EidResolution resolve(BeaconKey observed) {
        Objects.requireNonNull(observed, "observed");
        if (!observed.isEphemeral() || beacons.isEmpty()) {
            return EidResolution.UNKNOWN;
        }
        long id = Long.parseUnsignedLong(observed.value().substring(EID_PREFIX_LENGTH), 16);
        Instant now = clock.instant();
        if (!now.isBefore(nextRefreshAt)) {
            refresh(now);
        }
        Slot slot = byId.get(id);
        if (slot == null) {
            return EidResolution.UNKNOWN;
        }
        Tracked tracked = slot.beacon();
        long distance = slot.window() - tracked.current;
        return Math.abs(distance) <= tracked.perSide ? new EidResolution.Resolved(tracked.beacon)
                : new EidResolution.Stale(tracked.beacon);
    }

    /** Ids held in the table now, over all beacons (accepted and stale windows); for tests and metrics. */
    public int tableSize() {
        return byId.size();
    }

    private void refresh(Instant now) {
        Instant earliest = Instant.MAX;
        for (Tracked tracked : beacons) {
            if (!now.isBefore(tracked.nextWindowAt)) {
                move(tracked, now);
            }
            if (tracked.nextWindowAt.isBefore(earliest)) {
                earliest = tracked.nextWindowAt;
            }
        }
        nextRefreshAt = earliest;
    }

    /** Recomputes the windows of one beacon for the clock's current window, keeping those still in range. */
    private void move(Tracked tracked, Instant now) {
        EidIdentity identity = tracked.beacon.identity();
        long window = identity.windowAt(now);
        long lowest = window - tracked.perSide - settings.staleWindows();
        long highest = window + tracked.perSide;
        tracked.idByWindow.entrySet().removeIf(entry -> {
            boolean out = entry.getKey() < lowest || entry.getKey() > highest;
            Slot slot = byId.get(entry.getValue());
            if (out && slot != null && slot.beacon() == tracked) {
                byId.remove(entry.getValue());
            }
            return out;
        });
        for (long w = Math.max(0, lowest); w <= highest; w++) {
            if (!tracked.idByWindow.containsKey(w)) {
                long id = identity.ephemeralIdOfWindow(w);
                tracked.idByWindow.put(w, id);
                byId.put(id, new Slot(tracked, w));
            }
        }
        tracked.current = window;
        long windowSeconds = 1L << identity.rotationExponent();
        long secondsIntoWindow = identity.counterAt(now) & (windowSeconds - 1);
        tracked.nextWindowAt = Instant.ofEpochSecond(now.getEpochSecond() - secondsIntoWindow + windowSeconds);
    }
}
