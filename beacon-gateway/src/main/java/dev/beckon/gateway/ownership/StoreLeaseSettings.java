package dev.beckon.gateway.ownership;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How store leases are held. Immutable.
 *
 * @param ttl              how long a lease lasts from its last renewal: another instance takes the store this long
 *                         after its owner stopped renewing. Default 30 s
 * @param renew            how often an instance renews its leases and claims the stores it saw but nobody holds;
 *                         shorter than {@code ttl} (so a renewal or two may fail without losing a store). Default 10 s
 * @param maxClaimsPerRound how many stores one round may claim; the rest wait for the next round. Positive.
 *                         Default 100
 */
public record StoreLeaseSettings(Duration ttl, Duration renew, int maxClaimsPerRound) {

    public static final String PREFIX = "beckon.gateway.ownership.";
    public static final String TTL = PREFIX + "ttl";
    public static final String RENEW = PREFIX + "renew";

    public StoreLeaseSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(renew, "renew");
        if (renew.isNegative() || renew.isZero()) {
            throw new IllegalArgumentException(RENEW + " must be positive, got " + renew);
        }
        if (ttl.compareTo(renew) <= 0) {
            throw new IllegalArgumentException(TTL + " (" + ttl + ") must be longer than " + RENEW + " (" + renew
                    + ")");
        }
        if (maxClaimsPerRound < 1) {
            throw new IllegalArgumentException("maxClaimsPerRound must be positive, got " + maxClaimsPerRound);
        }
    }

    public static StoreLeaseSettings defaults() {
        return new StoreLeaseSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 100);
    }

    /**
     * @param lookup configured values by key ({@link #TTL}, {@link #RENEW}), null when not set
     * @throws IllegalArgumentException naming the key whose value is invalid
     */
    public static StoreLeaseSettings from(Function<String, String> lookup) {
        StoreLeaseSettings defaults = defaults();
        return new StoreLeaseSettings(duration(lookup, TTL, defaults.ttl()), duration(lookup, RENEW,
                defaults.renew()), defaults.maxClaimsPerRound());
    }

    private static Duration duration(Function<String, String> lookup, String key, Duration fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT30S, got '" + value
                    + "'", e);
        }
    }
}
