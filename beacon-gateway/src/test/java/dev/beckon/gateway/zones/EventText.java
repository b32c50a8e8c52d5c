package dev.beckon.gateway.zones;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;

import java.util.List;

/** Events as short text, so a test can state the whole expected sequence in one readable list. */
public final class EventText {

    private EventText() {
    }

    public static List<String> of(List<ProximityEvent> events) {
        return events.stream().map(EventText::of).toList();
    }

    public static String of(ProximityEvent event) {
        if (event instanceof ZoneEntered entered) {
            return "entered " + entered.zone();
        }
        if (event instanceof ZoneDwelled dwelled) {
            return "dwelled " + dwelled.zone() + " " + dwelled.seconds() + "s";
        }
        if (event instanceof ZoneExited exited) {
            return "exited " + exited.zone();
        }
        if (event instanceof VisitStarted) {
            return "visit started";
        }
        if (event instanceof VisitEnded) {
            return "visit ended";
        }
        throw new IllegalArgumentException("unknown event " + event);
    }
}
