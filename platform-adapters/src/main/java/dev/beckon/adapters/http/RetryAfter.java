package dev.beckon.adapters.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 10.2.3) into how long to wait.
 *
 * <p>Delta-seconds are taken as <em>seconds</em>, also with a fraction as Shopify sends them ({@code 2.0}); an
 * HTTP-date is taken relative to the injected "now". The result is clamped to {@code [0, MAX]}: a date in the past
 * means no wait, and a platform asking for an hour does not park a journey's thread for an hour (the caller gives up
 * after {@link #MAX} instead). A missing or unreadable value gives {@link #DEFAULT}, the wait {@code
 * shopify-api-ruby} uses without a header. Stateless and thread-safe.
 */
public final class RetryAfter {

    /** The wait when the header is missing or unreadable. */
    public static final Duration DEFAULT = Duration.ofSeconds(1);
    /** The longest wait taken from a header. */
    public static final Duration MAX = Duration.ofSeconds(60);

    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");
    private static final int MAX_LENGTH = 64;

    private RetryAfter() {
    }

    /**
     * @param header the header's value; null or blank gives {@link #DEFAULT}
     * @param now    the current time, for an HTTP-date; never null
     * @return within {@code [0, MAX]}; never null
     */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            return DEFAULT;
        }
        String text = header.strip();
        if (DELTA_SECONDS.matcher(text).matches()) {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.compareTo(BigDecimal.valueOf(MAX.toSeconds())) >= 0) {
                return MAX;
            }
            return clamp(Duration.ofNanos(seconds.movePointRight(9).longValue()));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return clamp(Duration.between(now, at));
        } catch (DateTimeParseException notADate) {
            return DEFAULT;
        }
    }

    static Duration clamp(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
