package dev.beckon.adapters.http;

import java.time.Duration;

/**
 * {@link PlatformCallException.Kind#UNAVAILABLE} as its own class, so MicroProfile Fault Tolerance's
 * {@code @Retry(retryOn = ...)} and {@code @CircuitBreaker(failOn = ...)} can single it out: a {@code 5xx} or no
 * answer is worth retrying, a {@code 4xx} is not.
 */
public class PlatformUnavailableException extends PlatformCallException {

    private static final long serialVersionUID = 1L;

    /**
     * @param status     the HTTP status, 0 if there was no answer
     * @param retryAfter what a {@code 503} asked for; may be null
     * @param message    safe to show; never null
     * @param cause      may be null
     */
    public PlatformUnavailableException(int status, Duration retryAfter, String message, Throwable cause) {
        super(Kind.UNAVAILABLE, status, retryAfter, message, cause);
    }
}
