package dev.beckon.gateway.decode;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An unencrypted Eddystone-TLM telemetry frame (type 0x20, version 0x00):
 * {@code 20 00 <battery mV 2> <temperature 8.8 2> <advert count 4> <time since boot in 0.1 s 4>}, all big-endian.
 * It carries no identity: pair it with the UID or URL frame the same device sends.
 *
 * @param version            the TLM version, always 0 (plain); encrypted eTLM is not decoded
 * @param batteryMillivolts  the battery voltage in mV; null when the beacon does not report it (sent as 0)
 * @param temperatureCelsius the beacon's temperature in °C, 1/256 °C resolution; null when not reported (0x8000)
 * @param advertCount        advertisements sent since boot, 0..2^32-1
 * @param sinceBoot          time since power-on or reboot, 0.1 s resolution; never null
 */
public record EddystoneTlm(int version, Integer batteryMillivolts, Double temperatureCelsius, long advertCount,
                           Duration sinceBoot) implements BeaconFrame {

    public EddystoneTlm {
        Objects.requireNonNull(sinceBoot, "sinceBoot");
        if (version != 0) {
            throw new IllegalArgumentException("only plain TLM (version 0) is decoded, got " + version);
        }
        if (batteryMillivolts != null && (batteryMillivolts <= 0 || batteryMillivolts > 0xFFFF)) {
            throw new IllegalArgumentException("battery is 1..65535 mV, got " + batteryMillivolts);
        }
        if (advertCount < 0 || advertCount > 0xFFFF_FFFFL || sinceBoot.isNegative()) {
            throw new IllegalArgumentException("counters are unsigned 32-bit");
        }
    }

    /** Always empty: a TLM frame does not say which beacon sent it. */
    @Override
    public Optional<BeaconKey> key() {
        return Optional.empty();
    }

    /** Always empty: a TLM frame carries no power calibration. */
    @Override
    public OptionalInt rssiAt1m() {
        return OptionalInt.empty();
    }
}
