package dev.beckon.gateway.pairing;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link UnpairedBeacons} remembers unpaired beacons and when it proposes one for pairing. Immutable.
 *
 * @param expireAfter       an unpaired beacon not heard for this long is forgotten; positive. Default 2 min
 * @param maxKeysPerStore   how many unpaired beacon keys one store remembers at once (the stalest is evicted);
 *                          positive. Default 256, so a street full of phones advertising iBeacons cannot grow it
 * @param recentWithin      readings within this long make up the "now" of a beacon: its median RSSI, and whether
 *                          it can be proposed at all; positive. Default 10 s
 * @param minSightings      the readings within {@code recentWithin} a beacon needs before it is proposed;
 *                          positive. Default 3
 * @param clearMarginDb     how many dB the proposed beacon's median must be above the next one's; positive.
 *                          Default 8 dB (with the default path-loss exponent 2.7, the next beacon is about twice
 *                          as far away or farther)
 * @param readingsPerBeacon readings kept per (scanner, beacon), newest first; positive. Default 16
 */
public record ProposalSettings(Duration expireAfter, int maxKeysPerStore, Duration recentWithin, int minSightings,
                               double clearMarginDb, int readingsPerBeacon) {

    public ProposalSettings {
        positive(Objects.requireNonNull(expireAfter, "expireAfter"), "expireAfter");
        positive(Objects.requireNonNull(recentWithin, "recentWithin"), "recentWithin");
        if (maxKeysPerStore < 1 || minSightings < 1 || readingsPerBeacon < minSightings) {
            throw new IllegalArgumentException("maxKeysPerStore and minSightings must be positive and"
                    + " readingsPerBeacon at least minSightings, got " + maxKeysPerStore + ", " + minSightings + ", "
                    + readingsPerBeacon);
        }
        if (!(clearMarginDb > 0) || Double.isInfinite(clearMarginDb)) {
            throw new IllegalArgumentException("clearMarginDb must be a positive number, got " + clearMarginDb);
        }
    }

    public static ProposalSettings defaults() {
        return new ProposalSettings(Duration.ofMinutes(2), 256, Duration.ofSeconds(10), 3, 8, 16);
    }

    private static void positive(Duration duration, String name) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
