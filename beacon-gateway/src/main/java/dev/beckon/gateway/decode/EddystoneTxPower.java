package dev.beckon.gateway.decode;

import java.util.OptionalInt;

/** The tx-power-at-0-m byte shared by Eddystone UID, URL and EID frames. */
final class EddystoneTxPower {

    /** The spec's range for the calibrated power at 0 m; outside it the byte is not a calibration. */
    static final int MIN_DBM = -100;
    static final int MAX_DBM = 20;

    private EddystoneTxPower() {
    }

    static void requireSignedByte(int txPowerAt0m) {
        if (txPowerAt0m < Byte.MIN_VALUE || txPowerAt0m > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("tx power is a signed byte, got " + txPowerAt0m);
        }
    }

    static OptionalInt rssiAt1m(int txPowerAt0m) {
        if (txPowerAt0m < MIN_DBM || txPowerAt0m > MAX_DBM) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(txPowerAt0m - BeaconFrame.EDDYSTONE_LOSS_AT_1M);
    }
}
