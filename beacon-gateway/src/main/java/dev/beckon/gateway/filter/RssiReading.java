package dev.beckon.gateway.filter;

import java.time.Instant;
import java.util.Objects;

/**
 * One RSSI sample of one beacon as heard by one device (or of one device as heard by one scanner), as the
 * scanner reported it. Deliberately unvalidated beyond nulls: an absurd value is something
 * {@link RssiWindowFilter} rejects and counts, not something that cannot be represented.
 *
 * @param at      when the advertisement was received, by the scanner's clock; never null
 * @param rssiDbm the received signal strength in dBm; any double, NaN included
 */
public record RssiReading(Instant at, double rssiDbm) {

    public RssiReading {
        Objects.requireNonNull(at, "at");
    }
}
