package dev.beckon.engine.journeys;

import java.time.Duration;
import java.util.Objects;

/**
 * A shop's settings for one built-in journey.
 *
 * @param journey the journey id; never null
 * @param enabled whether new subjects enter it
 * @param delay   how long to wait before the first step; positive
 */
public record JourneySettings(String journey, boolean enabled, Duration delay) {

    public JourneySettings {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive, got " + delay);
        }
    }
}
