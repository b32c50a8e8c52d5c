package dev.beckon.engine.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for provider retries: attempt n waits between half and all of
 * {@code base * 2^(n-1)}, capped at {@code max}; a provider's own Retry-After wins when it is longer.
 *
 * @param base        the first wait; positive
 * @param max         the longest wait; at least {@code base}
 * @param maxAttempts provider calls before a message is failed; at least 1
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max and maxAttempts >= 1");
        }
    }

    /** Whether a message that has had {@code attempts} provider calls may have another. */
    public boolean allowsAnother(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the {@code attempt}-th failed call (1-based). */
    public Duration delay(int attempt, Duration retryAfter, RandomGenerator random) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() << exponent);
        long wait = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
        Duration jittered = Duration.ofMillis(wait);
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }
}
