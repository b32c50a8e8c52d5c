package dev.beckon.gateway.plausibility;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the plausibility checks. Immutable.
 *
 * @param twoStoresWithin an identity heard in one store and then in another store of the same shop within this
 *                        interval is flagged; positive. Default 30 s: no shopper walks between two stores of a
 *                        chain in that time, while a phone heard at the door of two neighbouring stores is a
 *                        known false positive worth that margin (keep neighbouring stores' scanners' ranges apart)
 * @param quarantine      how long a flagged identity stays flagged after its last conflicting sighting;
 *                        positive. Default 10 min
 * @param maxSpeed        the fastest plausible walk in metres per second; positive. Default 2.5 m/s (brisk walking
 *                        is about 1.5-2 m/s; Bermuda gates at 3 m/s)
 */
public record PlausibilitySettings(Duration twoStoresWithin, Duration quarantine, double maxSpeed) {

    public PlausibilitySettings {
        Objects.requireNonNull(twoStoresWithin, "twoStoresWithin");
        Objects.requireNonNull(quarantine, "quarantine");
        if (twoStoresWithin.isNegative() || twoStoresWithin.isZero() || quarantine.isNegative() || quarantine.isZero()) {
            throw new IllegalArgumentException("twoStoresWithin and quarantine must be positive");
        }
        if (!(maxSpeed > 0) || Double.isInfinite(maxSpeed)) {
            throw new IllegalArgumentException("maxSpeed must be a positive number of m/s, got " + maxSpeed);
        }
    }

    public static PlausibilitySettings defaults() {
        return new PlausibilitySettings(Duration.ofSeconds(30), Duration.ofMinutes(10), 2.5);
    }
}
