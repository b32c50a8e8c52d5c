package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.decode.BeaconKey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One advertisement heard once, whatever shape it arrived in: the canonical input of the pipeline. Two kinds
 * of sighting share this shape:
 * <ul>
 *   <li>the store app (or a phone SDK) on the shopper's phone hears a store beacon: {@code device} is the app
 *       install id, {@code beacon} the store beacon's key, {@code scanner} the app's scanner registration;</li>
 *   <li>a fixed scanner in the store (ESPresense node, Theengs gateway) hears the shopper's device:
 *       {@code device} is the observed identity (ESPresense id, MAC, iBeacon id of the phone), {@code beacon} is
 *       its key when the advertisement was a beacon frame, or null.</li>
 * </ul>
 * Immutable.
 *
 * @param scanner            who heard it; never null
 * @param device             the shopper's device; never null
 * @param beacon             the beacon key heard, or null when what was heard was not a beacon frame
 * @param advertisedRssiAt1m the RSSI at 1 m the advertisement or the scanner stated (iBeacon measured power,
 *                           ESPresense {@code rssi@1m}), a negative dBm value, or null
 * @param rssiDbm            the received signal strength, plausible (parsers drop absurd values)
 * @param observedAt         when it was heard, by the scanner's clock, or the gateway's when the shape has no
 *                           timestamp; never null
 */
public record Sighting(ScannerRef scanner, DeviceId device, BeaconKey beacon, Integer advertisedRssiAt1m,
                       double rssiDbm, Instant observedAt) {

    public Sighting {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(observedAt, "observedAt");
        if (advertisedRssiAt1m != null && advertisedRssiAt1m >= 0) {
            advertisedRssiAt1m = null;
        }
    }

    public ShopId shop() {
        return scanner.shop();
    }

    public StoreId store() {
        return scanner.store();
    }

    /** The beacon key, empty when the advertisement was not a beacon frame. */
    public Optional<BeaconKey> beaconKey() {
        return Optional.ofNullable(beacon);
    }

    /** {@link #advertisedRssiAt1m()} as an optional. */
    public OptionalInt rssiAt1m() {
        return advertisedRssiAt1m == null ? OptionalInt.empty() : OptionalInt.of(advertisedRssiAt1m);
    }
}
