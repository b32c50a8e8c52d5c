package dev.beckon.gateway.pairing;

import dev.beckon.gateway.decode.BeaconKey;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An unpaired beacon as one scanner hears it now, a candidate for pairing by proximity. Immutable.
 *
 * @param key           the beacon key, in the spelling {@code POST .../beacons} accepts; never null
 * @param rssi          the median RSSI (dBm) of the recent readings ({@link ProposalSettings#recentWithin()}), or
 *                      of the last readings kept when none is recent
 * @param strongestRssi the strongest of those readings, dBm
 * @param recent        whether it was heard within {@link ProposalSettings#recentWithin()}
 * @param recentSightings readings within {@link ProposalSettings#recentWithin()}
 * @param sightings     readings since it was first heard (since it was last forgotten)
 * @param measuredPower the RSSI at 1 m the frame states (iBeacon/AltBeacon measured power, ESPresense
 *                      {@code rssi@1m}), negative dBm, or null when the frame has none
 * @param firstSeen     when the gateway first heard it from this scanner; never null
 * @param lastSeen      when the gateway last heard it from this scanner; never null
 */
public record HeardBeacon(BeaconKey key, double rssi, double strongestRssi, boolean recent, int recentSightings,
                          long sightings, Integer measuredPower, Instant firstSeen, Instant lastSeen) {

    public HeardBeacon {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** The kind of beacon from its key: {@code IBEACON}, {@code ALTBEACON}, {@code EDDYSTONE_UID}, ... */
    public String kind() {
        return kind(key);
    }

    static String kind(BeaconKey key) {
        String value = key.value();
        return value.substring(0, value.indexOf(':')).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
