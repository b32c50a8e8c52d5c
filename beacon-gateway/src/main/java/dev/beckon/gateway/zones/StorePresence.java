package dev.beckon.gateway.zones;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.filter.RssiEstimate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link ZoneTracker}s of all devices in one store: creates one when a device is first heard near a paired
 * beacon, ticks them all, and forgets a device once its visit has ended and it has gone quiet.
 *
 * <p>Not thread-safe: one instance per store, confined to the worker that owns the store's partition.
 */
public final class StorePresence {

    private final StoreLayout layout;
    private final ZoneSettings settings;
    private final Clock clock;
    private final Supplier<VisitId> visitIds;
    private final Map<DeviceId, ZoneTracker> trackers = new HashMap<>();

    /** All parameters never null; {@code visitIds} as in {@link ZoneTracker}. */
    public StorePresence(StoreLayout layout, ZoneSettings settings, Clock clock, Supplier<VisitId> visitIds) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visitIds = Objects.requireNonNull(visitIds, "visitIds");
    }

    /**
     * Passes one beacon's estimate for one device to that device's tracker. A beacon not paired with this store
     * is ignored and creates no tracker.
     *
     * @return the events this caused, in order; never null
     */
    public List<ProximityEvent> onEstimate(DeviceId device, BeaconKey beacon, RssiEstimate estimate) {
        Objects.requireNonNull(device, "device");
        if (layout.zoneOf(Objects.requireNonNull(beacon, "beacon")).isEmpty()) {
            return List.of();
        }
        return trackers.computeIfAbsent(device, id -> new ZoneTracker(layout, id, settings, clock, visitIds))
                .onEstimate(beacon, estimate);
    }

    /**
     * Ticks every tracker and forgets the idle ones.
     *
     * @return the events that became due, per device in order; never null
     */
    public List<ProximityEvent> onTick() {
        List<ProximityEvent> events = new ArrayList<>();
        for (Iterator<ZoneTracker> it = trackers.values().iterator(); it.hasNext(); ) {
            ZoneTracker tracker = it.next();
            events.addAll(tracker.onTick());
            if (tracker.idle()) {
                it.remove();
            }
        }
        return events;
    }

    /** How many devices are tracked now. */
    public int trackedDevices() {
        return trackers.size();
    }
}
