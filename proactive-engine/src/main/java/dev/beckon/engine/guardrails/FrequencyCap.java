package dev.beckon.engine.guardrails;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} marketing messages on one channel to one address in any rolling {@code per} window
 * ("SMS 1 per 24h", Klaviyo's and Attentive's smart sending). Immutable.
 *
 * @param max at least 1
 * @param per positive
 */
public record FrequencyCap(int max, Duration per) {

    public FrequencyCap {
        Objects.requireNonNull(per, "per");
        if (max < 1) {
            throw new IllegalArgumentException("a frequency cap allows at least 1 message, got " + max);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a frequency cap window must be positive, got " + per);
        }
    }

    /** {@code 1 per 24h}, {@code 3 per 7d}, {@code 2 per 90m}. */
    public String describe() {
        return max + " per " + Durations.human(per);
    }
}
