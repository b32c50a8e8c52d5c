package dev.beckon.gateway.zones;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The timing and hysteresis of {@link ZoneTracker}; distances per zone are in {@link Zone}. Immutable.
 *
 * @param hold         how long entering a zone from none, or leaving one by distance, must keep holding before it
 *                     happens; zero or positive. Default 5 s: the knowledge file's "enter after 5 s of continuous
 *                     presence", and long enough that a shopper walking past a zone does not enter it
 * @param switchHold   how long a challenger zone must keep winning before it replaces the current one; zero or
 *                     positive. Default 10 s, one filter window: the medians of overlapping windows are strongly
 *                     correlated, so a hold shorter than the window adds little evidence
 * @param switchMargin a challenger zone must be this fraction closer than the current one to take over, in
 *                     0..1. Default 0.35, about 5 dB at n = 2.7 (two standard deviations of the difference of two
 *                     10 s medians of 4 dB noise). In simulation, a still phone equidistant from two or three
 *                     beacons for 10 minutes changed zone once in 1-2 % of runs and never twice; with Bermuda's
 *                     ~26 % and a 5 s hold it changed zone in most runs. The price is a zone change about 12 s
 *                     after arriving at the next zone
 * @param freshness    an estimate whose newest reading is older than this cannot win a zone or earn a dwell mark;
 *                     positive. Default 10 s (Bermuda's {@code AREA_MAX_AD_AGE})
 * @param exitAfter    no reading from the current zone's beacons for this long leaves the zone; at least
 *                     {@code freshness}. Default 30 s: AltBeacon's 10 s and Kontakt's 5 s gave false exits in
 *                     practice; Bermuda, Parousya and ESPresense-companion use 30 s
 * @param visitTimeout no reading from any of the store's beacons for this long ends the visit; at least
 *                     {@code exitAfter}. Default 120 s (ESPresense-companion {@code away_timeout})
 * @param dwellMarks   the dwell times reported once per stay, strictly increasing and positive; never null.
 *                     Default 30 s, 60 s, 120 s (the 30-120 s dwell triggers of MOCA and Xtremepush)
 */
public record ZoneSettings(Duration hold, Duration switchHold, double switchMargin, Duration freshness,
                           Duration exitAfter, Duration visitTimeout, List<Duration> dwellMarks) {

    public ZoneSettings {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(switchHold, "switchHold");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(exitAfter, "exitAfter");
        Objects.requireNonNull(visitTimeout, "visitTimeout");
        dwellMarks = List.copyOf(Objects.requireNonNull(dwellMarks, "dwellMarks"));
        if (hold.isNegative() || switchHold.isNegative() || freshness.isNegative() || freshness.isZero()) {
            throw new IllegalArgumentException("holds must not be negative and freshness must be positive");
        }
        if (exitAfter.compareTo(freshness) < 0 || visitTimeout.compareTo(exitAfter) < 0) {
            throw new IllegalArgumentException("need freshness <= exitAfter <= visitTimeout, got " + freshness
                    + ", " + exitAfter + ", " + visitTimeout);
        }
        if (!(switchMargin >= 0 && switchMargin < 1)) {
            throw new IllegalArgumentException("switchMargin must be in [0, 1), got " + switchMargin);
        }
        Duration previous = Duration.ZERO;
        for (Duration mark : dwellMarks) {
            if (mark.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("dwell marks must be positive and increasing, got " + dwellMarks);
            }
            previous = mark;
        }
    }

    public static ZoneSettings defaults() {
        return new ZoneSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 0.35, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(120), List.of(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120)));
    }
}
