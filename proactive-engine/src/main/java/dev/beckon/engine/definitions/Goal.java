package dev.beckon.engine.definitions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What counts as a conversion for attribution: an event of type {@code event} for the run's subject within
 * {@code within} of the run's last message. Immutable.
 *
 * @param event  a canonical event type name; never null
 * @param within positive
 * @param match  the keys that tie the event to the run; never null, at least one
 */
public record Goal(String event, Duration within, List<SubjectKey> match) {

    public Goal {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(within, "within");
        match = match == null ? List.of() : List.copyOf(match);
    }
}
