package dev.beckon.gateway.zones;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.filter.RssiEstimate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The zone state machine of one device in one store. It takes the filtered estimate of each of the store's
 * beacons as it changes, and clock ticks, and says what happened as {@link ProximityEvent}s:
 * <ul>
 *   <li><b>Enter</b>: the closest zone with a fresh estimate within its enter radius, once that has held for
 *       {@link ZoneSettings#hold()}. The first enter starts a visit with a new {@link VisitId}.</li>
 *   <li><b>Switch</b>: another zone takes over only if it is within its enter radius and clearly closer
 *       ({@link ZoneSettings#switchMargin()}), or the current zone has gone stale, for
 *       {@link ZoneSettings#switchHold()}. Then
 *       {@code ZoneExited} of the old zone comes before {@code ZoneEntered} of the new one.</li>
 *   <li><b>Leave</b>: the current zone's estimate is beyond its exit radius for the hold time, or none of its
 *       beacons was heard for {@link ZoneSettings#exitAfter()}.</li>
 *   <li><b>Dwell</b>: each of {@link ZoneSettings#dwellMarks()} once per stay, while the zone is fresh, with
 *       {@code dwell} equal to the mark.</li>
 *   <li><b>Visit end</b>: no beacon of the store heard for {@link ZoneSettings#visitTimeout()}: the current zone
 *       is exited, then {@code VisitEnded}.</li>
 * </ul>
 * Freshness is judged by the newest reading behind each estimate: an estimate older than
 * {@link ZoneSettings#freshness()} cannot win a zone, however strong. Events carry the clock's time at the
 * moment they are decided.
 *
 * <p>Not thread-safe: confined to the worker that owns the store. Pure apart from the injected clock and visit
 * ids; no I/O. Never returns null; returns an empty list when nothing happened.
 */
public final class ZoneTracker {

    /** No zone: the index of "outside every zone". */
    private static final int NONE = -1;

    private final StoreLayout layout;
    private final DeviceId device;
    private final ZoneSettings settings;
    private final Clock clock;
    private final Supplier<VisitId> visitIds;

    private final Map<BeaconKey, RssiEstimate> latest = new HashMap<>();
    /** Per zone of the layout, by index: the smallest fresh distance at the last evaluation, NaN when none. */
    private final double[] fresh;
    private Instant lastHeard;
    private VisitId visit;
    private Instant visitStartedAt;
    /** The index in the layout of the zone the device is in, or {@link #NONE}. */
    private int current = NONE;
    private Instant enteredAt;
    private int nextDwellMark;
    private final Pending pending = new Pending();

    /**
     * @param layout   the store's zones; never null
     * @param device   the device tracked; never null
     * @param settings never null
     * @param clock    the gateway's clock; never null
     * @param visitIds gives a new, unique visit id each time a visit starts; never null, never returns null
     */
    public ZoneTracker(StoreLayout layout, DeviceId device, ZoneSettings settings, Clock clock,
                       Supplier<VisitId> visitIds) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.device = Objects.requireNonNull(device, "device");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visitIds = Objects.requireNonNull(visitIds, "visitIds");
        this.fresh = new double[layout.zones().size()];
    }

    /**
     * Takes the latest estimate of one beacon and re-evaluates at the clock's time. An estimate of a beacon that
     * is not in the layout is ignored.
     *
     * @param beacon   never null
     * @param estimate never null
     * @return the events this caused, in order
     */
    public List<ProximityEvent> onEstimate(BeaconKey beacon, RssiEstimate estimate) {
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(estimate, "estimate");
        if (layout.zoneIndexOf(beacon) >= 0) {
            latest.put(beacon, estimate);
            if (lastHeard == null || estimate.latestReadingAt().isAfter(lastHeard)) {
                lastHeard = estimate.latestReadingAt();
            }
        }
        return evaluate();
    }

    /**
     * Re-evaluates at the clock's time without new data: this is how timeouts and dwell marks happen. Call it
     * about once a second.
     *
     * @return the events that became due, in order
     */
    public List<ProximityEvent> onTick() {
        return evaluate();
    }

    /** Whether there is no visit in progress and nothing heard recently: the tracker can be discarded. */
    public boolean idle() {
        return visit == null
                && (lastHeard == null || !clock.instant().isBefore(lastHeard.plus(settings.visitTimeout())));
    }

    private List<ProximityEvent> evaluate() {
        Instant now = clock.instant();
        List<ProximityEvent> events = new ArrayList<>();
        if (lastHeard != null && !now.isBefore(lastHeard.plus(settings.visitTimeout()))) {
            endVisit(now, events);
            return events;
        }
        freshDistances(now);
        if (current != NONE && silentFor(layout.zones().get(current), now, settings.exitAfter())) {
            exit(now, events);
        }
        decide(now, events);
        dwell(now, events);
        return events;
    }

    private void decide(Instant now, List<ProximityEvent> events) {
        if (current == NONE) {
            int target = closestEnterable(Double.POSITIVE_INFINITY);
            if (target == NONE) {
                pending.clear();
            } else if (pending.heldFor(target, now, settings.hold())) {
                enter(target, now, events);
            }
            return;
        }
        double currentDistance = fresh[current];
        double toBeat = Double.isNaN(currentDistance) ? Double.POSITIVE_INFINITY
                : currentDistance * (1 - settings.switchMargin());
        int challenger = closestEnterable(toBeat);
        if (challenger != NONE) {
            if (pending.heldFor(challenger, now, settings.switchHold())) {
                exit(now, events);
                enter(challenger, now, events);
            }
        } else if (!Double.isNaN(currentDistance)
                && currentDistance > layout.zones().get(current).exitBeyondMetres()) {
            if (pending.heldFor(Pending.LEAVE, now, settings.hold())) {
                exit(now, events);
            }
        } else {
            pending.clear();
        }
    }

    /**
     * The index of the closest zone other than the current one that is within its enter radius and closer than
     * {@code toBeat}, or {@link #NONE}; of equally close zones, the later in the layout.
     */
    private int closestEnterable(double toBeat) {
        int closest = NONE;
        double closestDistance = toBeat;
        for (int zone = 0; zone < fresh.length; zone++) {
            double distance = fresh[zone];
            if (zone != current && distance <= layout.zones().get(zone).enterWithinMetres()
                    && distance <= closestDistance) {
                closest = zone;
                closestDistance = distance;
            }
        }
        return closest;
    }

    private void dwell(Instant now, List<ProximityEvent> events) {
        if (current == NONE || Double.isNaN(fresh[current])) {
            return;
        }
        Duration stayed = Duration.between(enteredAt, now);
        List<Duration> marks = settings.dwellMarks();
        while (nextDwellMark < marks.size() && stayed.compareTo(marks.get(nextDwellMark)) >= 0) {
            events.add(new ZoneDwelled(layout.store(), layout.zones().get(current).id(), visit, device,
                    marks.get(nextDwellMark), now));
            nextDwellMark++;
        }
    }

    /** Fills {@link #fresh}: per zone, the smallest distance among its beacons' estimates fresh at {@code now}. */
    private void freshDistances(Instant now) {
        Arrays.fill(fresh, Double.NaN);
        Instant staleBefore = now.minus(settings.freshness());
        for (Map.Entry<BeaconKey, RssiEstimate> entry : latest.entrySet()) {
            RssiEstimate estimate = entry.getValue();
            int zone = layout.zoneIndexOf(entry.getKey());
            if (zone >= 0 && !estimate.latestReadingAt().isBefore(staleBefore)) {
                fresh[zone] = Double.isNaN(fresh[zone]) ? estimate.distanceMetres()
                        : Math.min(fresh[zone], estimate.distanceMetres());
            }
        }
    }

    private boolean silentFor(Zone zone, Instant now, Duration timeout) {
        Instant silentSince = now.minus(timeout);
        for (BeaconKey beacon : zone.beacons()) {
            RssiEstimate estimate = latest.get(beacon);
            if (estimate != null && estimate.latestReadingAt().isAfter(silentSince)) {
                return false;
            }
        }
        return true;
    }

    private void enter(int zone, Instant now, List<ProximityEvent> events) {
        if (visit == null) {
            visit = Objects.requireNonNull(visitIds.get(), "visit id");
            visitStartedAt = now;
        }
        events.add(new ZoneEntered(layout.store(), layout.zones().get(zone).id(), visit, device, now));
        current = zone;
        enteredAt = now;
        nextDwellMark = 0;
        pending.clear();
    }

    private void exit(Instant now, List<ProximityEvent> events) {
        events.add(new ZoneExited(layout.store(), layout.zones().get(current).id(), visit, device, now));
        current = NONE;
        enteredAt = null;
        pending.clear();
    }

    private void endVisit(Instant now, List<ProximityEvent> events) {
        if (current != NONE) {
            exit(now, events);
        }
        if (visit != null) {
            events.add(new VisitEnded(layout.store(), visit, device, visitStartedAt, now));
        }
        visit = null;
        visitStartedAt = null;
        latest.clear();
        lastHeard = null;
        pending.clear();
    }

    /** A decision waiting for the hold time: enter or switch to a zone, or leave the current one. */
    private static final class Pending {

        /** The target meaning "leave the current zone for none". */
        static final int LEAVE = NONE;

        private int target;
        private Instant since;

        /**
         * Starts holding {@code target} (a zone index or {@link #LEAVE}) if it is not the one already held; true
         * once it has held long enough.
         */
        boolean heldFor(int target, Instant now, Duration hold) {
            if (since == null || this.target != target) {
                this.target = target;
                this.since = now;
            }
            return !now.isBefore(since.plus(hold));
        }

        void clear() {
            target = LEAVE;
            since = null;
        }
    }
}
