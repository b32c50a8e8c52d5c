package dev.beckon.gateway.eid;

import java.time.Duration;
import java.util.Objects;

/**
 * How far from the gateway's clock a beacon's ephemeral id is still accepted. Immutable.
 *
 * @param clockTolerance an id is accepted when it belongs to any window overlapping now ± this, and at least the
 *                       current window and one on each side (the spec's "neighbouring" windows). Default 60 s:
 *                       a beacon's counter drifts up to 150 ppm (13 s a day), so a counter re-synchronised daily
 *                       stays well inside, and sightings reach the gateway up to 60 s late
 * @param staleWindows   how many windows before the accepted ones are still recognised, so a replayed or cloned
 *                       frame counts as stale instead of unknown; 0..64. Default 16
 */
public record EidSettings(Duration clockTolerance, int staleWindows) {

    /** Fewer windows than this per side are never accepted, whatever the tolerance. */
    static final int MAX_WINDOWS_PER_SIDE = 64;

    public EidSettings {
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        if (clockTolerance.isNegative()) {
            throw new IllegalArgumentException("clockTolerance must not be negative, got " + clockTolerance);
        }
        if (staleWindows < 0 || staleWindows > 64) {
            throw new IllegalArgumentException("staleWindows must be in 0..64, got " + staleWindows);
        }
    }

    public static EidSettings defaults() {
        return new EidSettings(Duration.ofSeconds(60), 16);
    }

    /** Windows accepted on each side of the current one for rotation exponent {@code k}: at least 1. */
    int windowsPerSide(int k) {
        long window = 1L << k;
        long needed = (clockTolerance.toSeconds() + window - 1) / window;
        return (int) Math.max(1, Math.min(MAX_WINDOWS_PER_SIDE, needed));
    }
}
