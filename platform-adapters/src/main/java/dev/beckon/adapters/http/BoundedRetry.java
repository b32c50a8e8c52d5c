package dev.beckon.adapters.http;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs one admin-API call through a shop's {@link Throttle} and, when the platform says "slow down"
 * ({@link PlatformCallException.Kind#RATE_LIMITED}: a {@code 429} or a GraphQL {@code THROTTLED}), waits as long as
 * it asked and tries again, at most {@link #maxRetries} times. Without a stated wait it backs off exponentially from
 * one second. Any other failure is thrown at once: retrying {@code 5xx} with jitter is MicroProfile Fault
 * Tolerance's job inside the container. A JAX-RS {@link ProcessingException} (no connection, timeout) becomes
 * {@code UNAVAILABLE}, and a JAX-RS {@code WebApplicationException} (a client built without {@link
 * PlatformResponses}) is typed by its status. Immutable and thread-safe.
 *
 * @param maxRetries how many times a rate-limited call is retried, {@code >= 0}
 */
public record BoundedRetry(int maxRetries) {

    /** Three retries: with Shopify's usual {@code Retry-After: 2}, a journey step waits about 6 s at most. */
    public static final BoundedRetry DEFAULT = new BoundedRetry(3);

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    public BoundedRetry {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** One call to a platform; may throw {@link PlatformCallException} or a JAX-RS runtime exception. */
    @FunctionalInterface
    public interface Call<T> {
        T run();
    }

    /**
     * @param throttle the shop's; never null
     * @param call     never null
     * @return what the call returned
     * @throws PlatformCallException when the call fails, or is still rate limited after {@link #maxRetries}
     */
    public <T> T call(Throttle throttle, Call<T> call) {
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(call, "call");
        for (int attempt = 0; ; attempt++) {
            try {
                throttle.await();
                return call.run();
            } catch (PlatformCallException e) {
                if (e.kind() != PlatformCallException.Kind.RATE_LIMITED || attempt >= maxRetries) {
                    throw e;
                }
                throttle.holdFor(e.retryAfter().orElse(backoff(attempt)));
            } catch (ProcessingException e) {
                if (e.getCause() instanceof PlatformCallException typed) {
                    throw typed;
                }
                throw new PlatformUnavailableException(0, null, "the platform did not answer ("
                        + (e.getCause() == null ? e.getClass().getSimpleName()
                                : e.getCause().getClass().getSimpleName()) + ")", e);
            } catch (WebApplicationException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
                if (status >= 500 || status == 0) {
                    throw new PlatformUnavailableException(status, null, "the platform answered HTTP " + status, e);
                }
                throw new PlatformCallException(PlatformCallException.Kind.REJECTED, status, null,
                        "the platform answered HTTP " + status, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformUnavailableException(0, null,
                        "interrupted while waiting for the platform's rate limit", e);
            }
        }
    }

    private static Duration backoff(int attempt) {
        return RetryAfter.clamp(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 6)));
    }
}
