package dev.beckon.api.platform;

import dev.beckon.api.event.EventEnvelope;

import java.util.List;
import java.util.Objects;

/**
 * What an adapter made of a webhook. Expected outcomes are values, so the HTTP edge maps them without
 * exceptions: {@link Accepted} is stored and answered 200, {@link Ignored} is answered 200 (the platform must
 * not retry a topic we do not use), {@link Pinged} is answered 200 and kept for the merchant, {@link Rejected} is
 * answered 4xx with its reason and nothing is stored.
 */
public sealed interface WebhookOutcome {

    /** Verified and mapped. {@code events} may hold several events (an order that also completes a checkout). */
    record Accepted(List<EventEnvelope> events) implements WebhookOutcome {

        public Accepted {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted webhook carries at least one event; use Ignored");
            }
        }
    }

    /** Verified, but nothing Beckon acts on (a topic it does not map). */
    record Ignored(String reason) implements WebhookOutcome {

        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The platform checked that the webhook reaches Beckon (WooCommerce pings a new or re-saved webhook, unsigned):
     * no event, but the merchant is shown that the store got through.
     */
    record Pinged(String reason) implements WebhookOutcome {

        public Pinged {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not taken. The reason is safe to show to the caller: it never contains a secret or an expected signature. */
    record Rejected(Problem problem, String reason) implements WebhookOutcome {

        public Rejected {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a webhook was rejected; the HTTP edge maps each to a status code. */
    enum Problem {
        /** Signature missing, malformed or wrong; or the delivery names another shop. HTTP 401. */
        UNAUTHENTICATED,
        /** Signed correctly, but the body is not what the topic promises. HTTP 400. */
        MALFORMED,
        /** Signed correctly, but too old to trust (replay protection). HTTP 401. */
        STALE
    }

    static Accepted accepted(List<EventEnvelope> events) {
        return new Accepted(events);
    }

    static Ignored ignored(String reason) {
        return new Ignored(reason);
    }

    static Pinged pinged(String reason) {
        return new Pinged(reason);
    }

    static Rejected rejected(Problem problem, String reason) {
        return new Rejected(problem, reason);
    }
}
