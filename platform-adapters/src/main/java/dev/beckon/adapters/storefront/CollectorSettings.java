package dev.beckon.adapters.storefront;

import java.time.Duration;
import java.util.Objects;

/**
 * The collector's limits.
 *
 * @param maxBodyBytes      the largest body taken; the snippet sends a few hundred bytes; at least 256
 * @param maxAge            an {@code occurredAt} older than this (relative to receipt) is replaced by the receipt
 *                          time; not negative
 * @param acceptCustomerIds whether a {@code customerId} the browser states is put on the event. The browser can state
 *                          any id, so it is off by default: turn it on only if the journeys treat it as a hint
 */
public record CollectorSettings(int maxBodyBytes, Duration maxAge, boolean acceptCustomerIds) {

    /** 4 KiB, 1 day, customer ids off. */
    public static final CollectorSettings DEFAULTS = new CollectorSettings(4096, Duration.ofDays(1), false);

    public CollectorSettings {
        if (maxBodyBytes < 256) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 256: " + maxBodyBytes);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
        }
    }
}
