package dev.beckon.adapters.storefront;

import java.time.Duration;
import java.util.Objects;

/** What {@link VisitorRateLimiter} decided for one request. */
public sealed interface RateDecision {

    /** Within both limits; one token of each bucket was taken. */
    record Allowed() implements RateDecision {
    }

    /**
     * Over a limit; nothing was taken.
     *
     * @param scope      {@code "visitor"} or {@code "address"}: which limit
     * @param retryAfter when one token will be there again; positive
     */
    record Limited(String scope, Duration retryAfter) implements RateDecision {

        public Limited {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
