package dev.beckon.gateway.pairing;

import dev.beckon.gateway.filter.PathLossModel;

import java.util.OptionalInt;

/**
 * How to turn RSSI into distance for one zone marker, measured when it was installed. Immutable.
 *
 * @param rssiAt1m         the RSSI seen at 1 m in dBm (negative), or null to use the advertisement's own
 *                         calibration and then {@link PathLossModel#DEFAULT_RSSI_AT_1M}
 * @param pathLossExponent between 1 and 6; {@link PathLossModel#DEFAULT_EXPONENT} when not measured
 */
public record Calibration(Double rssiAt1m, double pathLossExponent) {

    public static final Calibration DEFAULT = new Calibration(null, PathLossModel.DEFAULT_EXPONENT);

    public Calibration {
        if (rssiAt1m != null && (!(rssiAt1m < 0) || rssiAt1m.isInfinite())) {
            throw new IllegalArgumentException("rssiAt1m must be a negative dBm value, got " + rssiAt1m);
        }
        if (!(pathLossExponent >= 1 && pathLossExponent <= 6)) {
            throw new IllegalArgumentException("pathLossExponent must be between 1 and 6, got " + pathLossExponent);
        }
    }

    /** The model: the measured reference first, then the advertised one, then the default. */
    public PathLossModel model(OptionalInt advertisedRssiAt1m) {
        return rssiAt1m != null ? new PathLossModel(rssiAt1m, pathLossExponent)
                : PathLossModel.forBeacon(advertisedRssiAt1m, pathLossExponent);
    }
}
