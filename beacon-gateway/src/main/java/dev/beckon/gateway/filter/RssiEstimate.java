package dev.beckon.gateway.filter;

import java.time.Instant;
import java.util.Objects;

/**
 * The filtered signal of one beacon for one device at one moment. Immutable.
 *
 * @param rssiDbm         the median RSSI of the window after outlier rejection
 * @param distanceMetres  {@code rssiDbm} through the beacon's path-loss model; a ranking score in metres
 * @param samples         readings in the window, outliers included; at least 1
 * @param outliers        readings in the window left out of the median as outliers; less than {@code samples}
 * @param latestReadingAt the timestamp of the newest reading in the window, which is what freshness is judged by;
 *                        never null
 */
public record RssiEstimate(double rssiDbm, double distanceMetres, int samples, int outliers,
                           Instant latestReadingAt) {

    public RssiEstimate {
        Objects.requireNonNull(latestReadingAt, "latestReadingAt");
        if (samples < 1 || outliers < 0 || outliers >= samples) {
            throw new IllegalArgumentException("need 0 <= outliers < samples, got " + outliers + "/" + samples);
        }
        if (!(distanceMetres > 0)) {
            throw new IllegalArgumentException("distance must be positive, got " + distanceMetres);
        }
    }
}
