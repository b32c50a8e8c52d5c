package dev.beckon.gateway.filter;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of {@link RssiWindowFilter}. Immutable.
 *
 * @param window              how far back readings count; positive. Default 10 s: ESPresense settled on 15 s
 *                            for scanners reporting every 5 s, the knowledge file recommends 10-15 s, and a
 *                            median lags by about half its window when the shopper walks
 * @param maxSamples          readings kept at most, newest first; at least 1. Default 30 (a phone ranging at
 *                            1-3 Hz over 10 s)
 * @param iqrFactor           readings outside {@code [Q1 - k·IQR, Q3 + k·IQR]} are left out of the median;
 *                            positive. Default 1.5 (Tukey's fences, as ESPresense's {@code getMedianIQR})
 * @param maxMetresPerSecond  a reading whose distance differs from the estimate by more than this speed allows
 *                            is rejected; positive. Default 3 m/s (Bermuda): brisk walking is ~1.5 m/s, and the
 *                            log-distance model turns a few dB of noise at 10 m into metres
 * @param minGateInterval     the shortest time the velocity gate divides by, so two readings 50 ms apart do not
 *                            imply a sprint; positive. Default 1 s
 * @param gateNoiseDb         how much of a reading's difference from the estimate the velocity gate puts down to
 *                            radio noise before it counts the rest as movement; zero or positive. Default 8 dB,
 *                            two standard deviations of a phone's RSSI indoors: without it the log-distance model
 *                            turns ordinary noise at 10 m into several metres a second, and the gate would drop a
 *                            quarter of the readings of a shopper walking normally
 * @param allowedClockSkew    how far ahead of the gateway's clock a scanner's timestamp may be; zero or
 *                            positive. Default 2 s (NTP-synced ESP32s and phones)
 * @param weakestPlausibleDbm readings weaker than this are rejected; negative. Default -120 dBm, below any BLE
 *                            receiver's sensitivity (about -100 dBm for phones and ESP32s)
 */
public record FilterSettings(Duration window, int maxSamples, double iqrFactor, double maxMetresPerSecond,
                             Duration minGateInterval, double gateNoiseDb, Duration allowedClockSkew,
                             double weakestPlausibleDbm) {

    public FilterSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(minGateInterval, "minGateInterval");
        Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        if (!positive(window) || !positive(minGateInterval) || allowedClockSkew.isNegative()) {
            throw new IllegalArgumentException("window and minGateInterval must be positive, skew not negative");
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be at least 1, got " + maxSamples);
        }
        if (!(iqrFactor > 0) || !(maxMetresPerSecond > 0)) {
            throw new IllegalArgumentException("iqrFactor and maxMetresPerSecond must be positive");
        }
        if (!(gateNoiseDb >= 0) || Double.isInfinite(gateNoiseDb)) {
            throw new IllegalArgumentException("gateNoiseDb must be zero or positive, got " + gateNoiseDb);
        }
        if (!(weakestPlausibleDbm < 0) || Double.isInfinite(weakestPlausibleDbm)) {
            throw new IllegalArgumentException("weakestPlausibleDbm must be negative, got " + weakestPlausibleDbm);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    public static FilterSettings defaults() {
        return new FilterSettings(Duration.ofSeconds(10), 30, 1.5, 3.0, Duration.ofSeconds(1), 8.0,
                Duration.ofSeconds(2), -120.0);
    }
}
