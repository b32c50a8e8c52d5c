package dev.beckon.adapters.http;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify REST's leaky bucket as its {@code X-Shopify-Shop-Api-Call-Limit: 32/40} header reports it after a call:
 * {@code used} of {@code capacity} slots are taken, and the bucket leaks {@code capacity / 20} per second (40 and
 * 2/s on standard plans, 80 and 4/s on Plus; knowledge file 2.5).
 *
 * <p>{@link #waitBeforeNextCall()} keeps {@link #HEADROOM} slots free, so a burst of calls slows down before
 * Shopify answers {@code 429}. Immutable and thread-safe.
 *
 * @param used     slots taken, {@code >= 0}
 * @param capacity the bucket's size, {@code > 0}
 */
public record ShopifyCallLimit(int used, int capacity) {

    /** The header's name. */
    public static final String HEADER = "X-Shopify-Shop-Api-Call-Limit";
    /** Slots left free for other callers of the same shop (webhook reconcilers, the console). */
    public static final int HEADROOM = 2;

    private static final Pattern VALUE = Pattern.compile("\\s*([0-9]{1,6})\\s*/\\s*([0-9]{1,6})\\s*");
    /** Shopify's bucket empties fully in 20 s on every plan (40 at 2/s, 80 at 4/s). */
    private static final int SECONDS_TO_EMPTY = 20;

    public ShopifyCallLimit {
        if (used < 0 || capacity <= 0) {
            throw new IllegalArgumentException("call limit " + used + "/" + capacity + " is not a bucket");
        }
    }

    /** @return empty if the header is missing or not {@code n/m} with {@code m > 0} */
    public static Optional<ShopifyCallLimit> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = VALUE.matcher(header);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int used = Integer.parseInt(matcher.group(1));
        int capacity = Integer.parseInt(matcher.group(2));
        return capacity == 0 ? Optional.empty() : Optional.of(new ShopifyCallLimit(used, capacity));
    }

    /** Slots leaked per second. */
    public double leakPerSecond() {
        return Math.max(1.0, capacity / (double) SECONDS_TO_EMPTY);
    }

    /** Zero while more than {@link #HEADROOM} slots are free; otherwise the time to leak down to that. */
    public Duration waitBeforeNextCall() {
        int limit = Math.max(1, capacity - HEADROOM);
        if (used < limit) {
            return Duration.ZERO;
        }
        double seconds = (used - limit + 1) / leakPerSecond();
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }
}
