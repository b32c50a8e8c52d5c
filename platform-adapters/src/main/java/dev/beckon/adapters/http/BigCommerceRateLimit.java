package dev.beckon.adapters.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * BigCommerce's per-store request quota as its {@code X-Rate-Limit-*} headers report it (knowledge file 4.3):
 * {@code X-Rate-Limit-Requests-Left} calls remain in a window that resets in {@code X-Rate-Limit-Time-Reset-Ms}
 * <em>milliseconds</em>. On a {@code 429} BigCommerce sends these, not {@code Retry-After}. Immutable and
 * thread-safe.
 *
 * @param requestsLeft calls left in this window, {@code >= 0}
 * @param resetIn      until the window resets; never null, never negative
 */
public record BigCommerceRateLimit(long requestsLeft, Duration resetIn) {

    public static final String REQUESTS_LEFT = "X-Rate-Limit-Requests-Left";
    public static final String TIME_RESET_MS = "X-Rate-Limit-Time-Reset-Ms";

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");

    public BigCommerceRateLimit {
        if (requestsLeft < 0 || resetIn == null || resetIn.isNegative()) {
            throw new IllegalArgumentException("requestsLeft must be >= 0 and resetIn not negative");
        }
    }

    /**
     * @param header reads one header by name, case-insensitively; returns null if absent
     * @return empty unless both headers are there and whole numbers
     */
    public static Optional<BigCommerceRateLimit> of(Function<String, String> header) {
        String left = header.apply(REQUESTS_LEFT);
        String reset = header.apply(TIME_RESET_MS);
        if (left == null || reset == null || !WHOLE.matcher(left.strip()).matches()
                || !WHOLE.matcher(reset.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigCommerceRateLimit(Long.parseLong(left.strip()),
                Duration.ofMillis(Long.parseLong(reset.strip()))));
    }

    /** Zero while calls are left; otherwise until the window resets (clamped to {@link RetryAfter#MAX}). */
    public Duration waitBeforeNextCall() {
        return requestsLeft > 0 ? Duration.ZERO : RetryAfter.clamp(resetIn);
    }

    /** After a {@code 429}: until the window resets, clamped to {@link RetryAfter#MAX}. */
    public Duration waitAfterRejection() {
        return RetryAfter.clamp(resetIn);
    }
}
