package dev.beckon.adapters.http;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Puts one shop's {@link Throttle} into a JAX-RS / MicroProfile REST client: before each request it
 * {@linkplain Throttle#await waits} out the shop's hold, and after each answer it holds the next call back as the
 * platform's budget headers ask ({@code X-Shopify-Shop-Api-Call-Limit}, BigCommerce's {@code X-Rate-Limit-*}, and
 * {@code Retry-After} on a {@code 429} or {@code 503}). Register one instance per shop's client. Thread-safe.
 *
 * <p>A filter cannot re-send a request; {@link BoundedRetry} retries a {@code 429} around the client call.
 */
public final class ThrottleFilter implements ClientRequestFilter, ClientResponseFilter {

    private final Throttle throttle;
    private final Clock clock;

    /**
     * @param throttle the shop's; never null
     * @param clock    for an HTTP-date {@code Retry-After}; never null
     */
    public ThrottleFilter(Throttle throttle, Clock clock) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void filter(ClientRequestContext request) throws InterruptedIOException {
        try {
            throttle.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the platform's rate limit");
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        ShopifyCallLimit.parse(response.getHeaderString(ShopifyCallLimit.HEADER))
                .ifPresent(limit -> throttle.holdFor(limit.waitBeforeNextCall()));
        BigCommerceRateLimit.of(response::getHeaderString).ifPresent(limit -> throttle.holdFor(
                response.getStatus() == 429 ? limit.waitAfterRejection() : limit.waitBeforeNextCall()));
        String retryAfter = response.getHeaderString("Retry-After");
        if (retryAfter != null && (response.getStatus() == 429 || response.getStatus() == 503)) {
            throttle.holdFor(RetryAfter.parse(retryAfter, clock.instant()));
        }
    }
}
