package dev.beckon.gateway.decode;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One decoded BLE beacon advertisement. Immutable records, safe to share between threads.
 *
 * <p>Decoding says what the bytes are, not whether they are a store's beacon: sensors shaped like iBeacons
 * (Tilt hydrometers, battery monitors) decode fine. Only the store's pairing registry, keyed by {@link #key()},
 * turns a frame into a beacon of a zone.
 */
public sealed interface BeaconFrame permits IBeacon, AltBeacon, EddystoneUid, EddystoneUrl, EddystoneTlm, EddystoneEid {

    /** Offset from an Eddystone tx power at 0 m to the expected RSSI at 1 m (Eddystone spec, "add 41 dBm"). */
    int EDDYSTONE_LOSS_AT_1M = 41;

    /** The identity to look up in the pairing registry; empty for frames that carry no identity (TLM). */
    Optional<BeaconKey> key();

    /**
     * The RSSI the beacon says a receiver sees at 1 m, for the path-loss model; empty when the frame does not
     * say or the value it gives is not a usable calibration.
     */
    OptionalInt rssiAt1m();
}
