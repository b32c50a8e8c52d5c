package dev.beckon.gateway.decode;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An Eddystone-EID frame (type 0x30): {@code 30 <tx@0m 1> <ephemeral id 8>}. The id rotates every 2^K seconds;
 * only a resolver that knows the beacon's identity key can map it to a stable beacon.
 *
 * @param ephemeralId the current 8-byte ephemeral id as 16 lowercase hex digits; never null
 * @param txPowerAt0m the calibrated power at 0 m in dBm (signed), see {@link #rssiAt1m()}
 */
public record EddystoneEid(String ephemeralId, int txPowerAt0m) implements BeaconFrame {

    private static final Pattern EPHEMERAL_ID = Pattern.compile("[0-9a-f]{16}");

    public EddystoneEid {
        Objects.requireNonNull(ephemeralId, "ephemeralId");
        if (!EPHEMERAL_ID.matcher(ephemeralId).matches()) {
            throw new IllegalArgumentException("ephemeral id is 16 lowercase hex digits");
        }
        EddystoneTxPower.requireSignedByte(txPowerAt0m);
    }

    /** The key of this rotation only; it changes when the beacon rotates. */
    @Override
    public Optional<BeaconKey> key() {
        return Optional.of(BeaconKey.eddystoneEid(ephemeralId));
    }

    @Override
    public OptionalInt rssiAt1m() {
        return EddystoneTxPower.rssiAt1m(txPowerAt0m);
    }
}
