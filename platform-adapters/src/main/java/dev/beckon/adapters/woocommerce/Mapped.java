package dev.beckon.adapters.woocommerce;

import dev.beckon.api.event.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one WooCommerce body maps to: canonical events, or nothing Beckon acts on. */
sealed interface Mapped {

    /**
     * One or more events (a completed order is placed and fulfilled).
     *
     * @param events never empty
     */
    record Events(List<Event> events) implements Mapped {

        public Events {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("no events; use Skipped");
            }
        }
    }

    /**
     * A valid body Beckon does not act on (a cancelled order).
     *
     * @param reason safe to show; never null
     */
    record Skipped(String reason) implements Mapped {

        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param payload    never null
     * @param occurredAt never null
     * @param dedupKey   {@code resource:id:date_modified_gmt:status}, plus a suffix when one body gives two
     *                   events; never null
     */
    record Event(EventPayload payload, Instant occurredAt, String dedupKey) {

        public Event {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(dedupKey, "dedupKey");
        }
    }
}
