package dev.beckon.adapters.storefront;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A collector request that is not taken. The message is for the developer wiring the snippet: it names the field
 * or the setting to fix, quotes caller values only through {@code Excerpt}, and never holds the expected key.
 * Checked, so the edge maps each {@link Problem} to its status instead of a 500.
 */
public final class CollectException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; {@link #httpStatus()} is the answer the edge gives. */
    public enum Problem {
        /** The {@code Origin} is missing or not one of the shop's storefront origins. */
        FORBIDDEN_ORIGIN(403),
        /** The public key is missing or not the shop's. */
        UNKNOWN_KEY(401),
        /** The body is larger than the collector takes. */
        TOO_LARGE(413),
        /** The body is not a JSON object. */
        MALFORMED(400),
        /** {@code type} is not an event the collector knows. */
        UNKNOWN_TYPE(400),
        /** A field is missing, of the wrong type, too long or not sane. */
        INVALID_FIELD(400),
        /** The visitor or the address sends too fast; see {@link #retryAfter()}. */
        RATE_LIMITED(429);

        private final int httpStatus;

        Problem(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Problem problem;
    private final transient Duration retryAfter;

    public CollectException(Problem problem, String message) {
        this(problem, message, null);
    }

    public CollectException(Problem problem, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public int httpStatus() {
        return problem.httpStatus();
    }

    /** For {@link Problem#RATE_LIMITED}: how long to wait (the {@code Retry-After} header, rounded up). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
