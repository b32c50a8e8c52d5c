package dev.beckon.adapters.http;

import dev.beckon.api.plugin.BeckonException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a store platform's API did not give an answer Beckon can use. The {@link #kind} says what a caller can
 * do about it; the message is safe to log and to show a merchant: it names the operation and the status, never a
 * token or a secret.
 */
public class PlatformCallException extends BeckonException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, by what a caller does next. */
    public enum Kind {
        /** {@code 429} or a GraphQL {@code THROTTLED}: wait {@link #retryAfter()} and try again. */
        RATE_LIMITED,
        /** {@code 5xx}, a timeout or no connection: the platform is down or slow; retry later. */
        UNAVAILABLE,
        /** {@code 401}/{@code 403}: the token was revoked or lacks a scope; the shop must re-install. */
        UNAUTHENTICATED,
        /** {@code 404}, or a GraphQL answer with a null object: the resource does not exist (any more). */
        NOT_FOUND,
        /** Another {@code 4xx} or GraphQL {@code userErrors}: the request was refused; retrying will not help. */
        REJECTED,
        /** A {@code 2xx} whose body is not what the API documents. */
        MALFORMED_ANSWER
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;

    /**
     * @param kind       never null
     * @param status     the HTTP status, 0 if there was no answer
     * @param retryAfter how long the platform asked to wait; null if it did not say
     * @param message    safe to show; never null
     * @param cause      may be null
     */
    public PlatformCallException(Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public PlatformCallException(Kind kind, String message) {
        this(kind, 0, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status; 0 if there was no answer or it was a 200 with errors. */
    public int status() {
        return status;
    }

    /** What the platform asked for; empty if it did not say (then back off on your own). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
