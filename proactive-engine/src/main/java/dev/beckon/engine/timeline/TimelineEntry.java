package dev.beckon.engine.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to a shopper, for {@code GET /api/shops/{shopId}/shoppers/{shopperId}/timeline}.
 *
 * @param kind    never null
 * @param at      when it happened; never null
 * @param summary one line for the merchant; never null
 * @param details the entry's fields by name (ids, state, reason, due time, ...), in a stable order; values are
 *                strings (instants in ISO-8601); never null
 */
public record TimelineEntry(Kind kind, Instant at, String summary, Map<String, String> details) {

    /** What an entry is about. */
    public enum Kind {
        /** A store event about the shopper arrived. */
        EVENT,
        /** The shopper entered a journey. */
        JOURNEY_ENTERED,
        /** The shopper left a journey (converted, completed, cancelled, or kept out by the cooldown). */
        JOURNEY_EXITED,
        /** A guardrail decided about a message or an entry. */
        DECISION,
        /** A message, with its current state. */
        MESSAGE
    }

    public TimelineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(summary, "summary");
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
