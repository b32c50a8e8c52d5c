package dev.beckon.gateway.visits;

import dev.beckon.api.model.StoreZoneId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of a recorded visit. Immutable.
 *
 * @param type  the event's name: {@code VisitStarted}, {@code ZoneEntered}, {@code ZoneDwelled},
 *              {@code ZoneExited} or {@code VisitEnded}; never null
 * @param zone  the zone of a zone event; null for the visit's start and end
 * @param at    when it happened (microsecond precision, as stored); never null
 * @param dwell the dwell mark of a {@code ZoneDwelled}; null otherwise
 */
public record RecordedEvent(String type, StoreZoneId zone, Instant at, Duration dwell) {

    public RecordedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}
