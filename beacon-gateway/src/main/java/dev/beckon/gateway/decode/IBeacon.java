package dev.beckon.gateway.decode;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An Apple iBeacon frame: manufacturer data {@code 4C00 02 15 <uuid 16> <major 2> <minor 2> <power 1>}.
 *
 * @param uuid          the proximity UUID; never null
 * @param major         0..65535 (big-endian on air)
 * @param minor         0..65535 (big-endian on air)
 * @param measuredPower the RSSI at 1 m in dBm, always negative; null when the frame's byte was zero or positive,
 *                      which real beacons never send (sensors put a battery voltage or a reading there)
 */
public record IBeacon(UUID uuid, int major, int minor, Integer measuredPower) implements BeaconFrame {

    public IBeacon {
        Objects.requireNonNull(uuid, "uuid");
        if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
            throw new IllegalArgumentException("major and minor must be in 0..65535, got " + major + ", " + minor);
        }
        if (measuredPower != null && measuredPower >= 0) {
            throw new IllegalArgumentException("a measured power is negative, got " + measuredPower);
        }
    }

    @Override
    public Optional<BeaconKey> key() {
        return Optional.of(BeaconKey.ibeacon(uuid, major, minor));
    }

    @Override
    public OptionalInt rssiAt1m() {
        return measuredPower == null ? OptionalInt.empty() : OptionalInt.of(measuredPower);
    }
}
