package dev.beckon.engine.guardrails;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step does when its timer fires late, after downtime: send anyway, or skip when it is too late to make
 * sense ("don't send a cart reminder 3 days late"). Immutable.
 */
public sealed interface StaleRule {

    /** Sends however late the timer fired (an order update). */
    record SendLate() implements StaleRule {
    }

    /** Skips the step when its timer fired more than {@code limit} after it was due. */
    record SkipIfLaterThan(Duration limit) implements StaleRule {

        public SkipIfLaterThan {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative()) {
                throw new IllegalArgumentException("the stale limit must not be negative, got " + limit);
            }
        }
    }

    StaleRule SEND_LATE = new SendLate();

    static StaleRule skipIfLaterThan(Duration limit) {
        return new SkipIfLaterThan(limit);
    }

    /** Why a timer this late is skipped; empty if the step still runs. */
    default Optional<String> skipReason(Duration lateness) {
        if (this instanceof SkipIfLaterThan skip && lateness.compareTo(skip.limit()) > 0) {
            return Optional.of("stale: the step's timer fired " + Durations.human(lateness) + " late, more than the "
                    + Durations.human(skip.limit()) + " this step allows (the engine was down or behind)");
        }
        return Optional.empty();
    }
}
