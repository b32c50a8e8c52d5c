package dev.beckon.engine.guardrails;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A shopper who entered a journey is not entered again within the cooldown ("has not been in this flow in the
 * last 7 days"). Pure; the caller finds when she last entered.
 */
public final class ReentryCooldown {

    private ReentryCooldown() {
    }

    /**
     * @param journey     the journey id, for the reason
     * @param lastEntered when the shopper last entered it; null if never
     * @param now         never null
     * @param cooldown    zero or positive; zero allows re-entry at once
     */
    public static Decision check(String journey, Instant lastEntered, Instant now, Duration cooldown) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(cooldown, "cooldown");
        if (lastEntered == null || cooldown.isZero() || !now.isBefore(lastEntered.plus(cooldown))) {
            return Decision.ALLOW;
        }
        return new Decision.Skip("re-entry cooldown: entered " + journey + " " + Durations.human(
                Duration.between(lastEntered, now)) + " ago (at " + lastEntered + "); the shop allows re-entry after "
                + Durations.human(cooldown));
    }
}
