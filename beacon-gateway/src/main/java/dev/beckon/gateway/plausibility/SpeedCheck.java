package dev.beckon.gateway.plausibility;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Flags a visit whose zone changes imply a speed above {@link PlausibilitySettings#maxSpeed()}: the distance
 * between the centres of the last zone the device was confirmed in and the zone it enters, over the time since it
 * was last confirmed there (its enter or latest dwell mark). That time includes the whole stay and the enter hold,
 * so only jumps no walker can make are flagged, never a quick but real walk. Zones without a position are never
 * compared.
 *
 * <p>A flagged visit is not acted on: its {@code ZoneEntered}, {@code ZoneDwelled} and {@code ZoneExited} events
 * from the implausible enter on are held back; {@code VisitStarted} and {@code VisitEnded} always pass so the
 * visit record opens and closes. Pure: no clock (event times are used), no I/O. Memory: one entry per open visit,
 * removed at {@code VisitEnded} or by {@link #forgetVisitsBefore}. Not thread-safe: confined to the ingest worker.
 */
public final class SpeedCheck {

    private static final class Track {
        StoreZoneId zone;
        Instant confirmedAt;
        boolean flagged;
    }

    private final double maxSpeed;
    private final Map<VisitId, Track> visits = new HashMap<>();

    /** @param settings never null */
    public SpeedCheck(PlausibilitySettings settings) {
        this.maxSpeed = Objects.requireNonNull(settings, "settings").maxSpeed();
    }

    /**
     * @param event    the next event of a visit, in order; never null
     * @param distance the distance in metres between two zones' centres of the event's store, empty when either
     *                 has no position; never null
     * @return true when the event may be passed on; false when its visit is flagged
     */
    public boolean admit(ProximityEvent event, BiFunction<StoreZoneId, StoreZoneId, Optional<Double>> distance) {
        Objects.requireNonNull(event, "event");
        if (event instanceof VisitStarted) {
            visits.put(event.visit(), new Track());
            return true;
        }
        if (event instanceof VisitEnded) {
            visits.remove(event.visit());
            return true;
        }
        Track track = visits.computeIfAbsent(event.visit(), visit -> new Track());
        if (track.flagged) {
            return false;
        }
        if (event instanceof ZoneEntered entered) {
            if (track.zone != null && !track.zone.equals(entered.zone())
                    && tooFast(distance.apply(track.zone, entered.zone()), track.confirmedAt, entered.at())) {
                track.flagged = true;
                return false;
            }
            track.zone = entered.zone();
            track.confirmedAt = entered.at();
        } else if (event instanceof ZoneDwelled dwelled) {
            track.zone = dwelled.zone();
            track.confirmedAt = dwelled.at();
        } else if (!(event instanceof ZoneExited)) {
            throw new IllegalArgumentException("unknown proximity event " + event);
        }
        return true;
    }

    /** Whether {@code visit} is flagged now. */
    public boolean isFlagged(VisitId visit) {
        Track track = visits.get(visit);
        return track != null && track.flagged;
    }

    /** Forgets visits last confirmed before {@code cutoff} (their trackers were dropped without ending them). */
    public void forgetVisitsBefore(Instant cutoff) {
        visits.values().removeIf(track -> track.confirmedAt != null && track.confirmedAt.isBefore(cutoff));
    }

    /** Open visits remembered now; for tests. */
    public int remembered() {
        return visits.size();
    }

    private boolean tooFast(Optional<Double> metres, Instant from, Instant to) {
        if (metres.isEmpty() || metres.get() <= 0) {
            return false;
        }
        double seconds = Math.max(Duration.between(from, to).toMillis(), 1) / 1000.0;
        return metres.get() / seconds > maxSpeed;
    }
}
