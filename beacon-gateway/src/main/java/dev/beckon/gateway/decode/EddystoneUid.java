package dev.beckon.gateway.decode;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An Eddystone-UID frame (type 0x00): {@code 00 <tx@0m 1> <namespace 10> <instance 6> [<RFU 2>]}.
 *
 * @param namespace   the 10-byte namespace as 20 lowercase hex digits; never null
 * @param instance    the 6-byte instance as 12 lowercase hex digits; never null
 * @param txPowerAt0m the calibrated power at 0 m in dBm (signed); not comparable with iBeacon's 1 m power
 *                    until {@link BeaconFrame#EDDYSTONE_LOSS_AT_1M} is subtracted, see {@link #rssiAt1m()}
 */
public record EddystoneUid(String namespace, String instance, int txPowerAt0m) implements BeaconFrame {

    private static final Pattern NAMESPACE = Pattern.compile("[0-9a-f]{20}");
    private static final Pattern INSTANCE = Pattern.compile("[0-9a-f]{12}");

    public EddystoneUid {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(instance, "instance");
        if (!NAMESPACE.matcher(namespace).matches() || !INSTANCE.matcher(instance).matches()) {
            throw new IllegalArgumentException("namespace is 20 and instance 12 lowercase hex digits");
        }
        EddystoneTxPower.requireSignedByte(txPowerAt0m);
    }

    @Override
    public Optional<BeaconKey> key() {
        return Optional.of(BeaconKey.eddystoneUid(namespace, instance));
    }

    @Override
    public OptionalInt rssiAt1m() {
        return EddystoneTxPower.rssiAt1m(txPowerAt0m);
    }
}
