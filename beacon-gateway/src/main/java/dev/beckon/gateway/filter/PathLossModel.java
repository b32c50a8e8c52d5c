package dev.beckon.gateway.filter;

import java.util.OptionalInt;

/**
 * The log-distance path-loss model {@code d = 10^((rssiAt1m - rssi) / (10 n))}, the one ESPresense and Bermuda
 * use. Indoors its metres are rough (the exponent alone moves a -85 dBm reading by metres), so treat the
 * distance as a ranking score calibrated in metres, not a measurement. Immutable and thread-safe.
 *
 * @param rssiAt1m the RSSI a receiver sees at 1 m from the beacon, in dBm; negative
 * @param exponent the path-loss exponent n: 2 in free space, 2.7-3.5 in a furnished room; between 1 and 6
 */
public record PathLossModel(double rssiAt1m, double exponent) {

    /** The iBeacon convention for an uncalibrated beacon: -59 dBm at 1 m. */
    public static final double DEFAULT_RSSI_AT_1M = -59.0;
    /** ESPresense's default absorption since 2025 (it was 3.5 before); Bermuda uses 3. */
    public static final double DEFAULT_EXPONENT = 2.7;

    public static final PathLossModel DEFAULT = new PathLossModel(DEFAULT_RSSI_AT_1M, DEFAULT_EXPONENT);

    public PathLossModel {
        if (!(rssiAt1m < 0) || Double.isInfinite(rssiAt1m)) {
            throw new IllegalArgumentException("rssiAt1m must be a negative dBm value, got " + rssiAt1m);
        }
        if (!(exponent >= 1 && exponent <= 6)) {
            throw new IllegalArgumentException("exponent must be between 1 and 6, got " + exponent);
        }
    }

    /**
     * The model for a beacon that advertised its own calibration (iBeacon measured power, Eddystone tx power
     * converted to 1 m), falling back to {@link #DEFAULT_RSSI_AT_1M}.
     */
    public static PathLossModel forBeacon(OptionalInt advertisedRssiAt1m, double exponent) {
        double reference = advertisedRssiAt1m.isPresent() && advertisedRssiAt1m.getAsInt() < 0
                ? advertisedRssiAt1m.getAsInt() : DEFAULT_RSSI_AT_1M;
        return new PathLossModel(reference, exponent);
    }

    /** The distance in metres the model gives for {@code rssiDbm}; always positive for finite input. */
    public double distanceMetres(double rssiDbm) {
        return Math.pow(10, (rssiAt1m - rssiDbm) / (10 * exponent));
    }

    /** The RSSI the model expects at {@code metres} (positive); the inverse of {@link #distanceMetres}. */
    public double rssiAt(double metres) {
        return rssiAt1m - 10 * exponent * Math.log10(metres);
    }
}
