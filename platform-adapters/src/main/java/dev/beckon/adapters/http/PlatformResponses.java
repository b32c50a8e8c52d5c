package dev.beckon.adapters.http;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Turns a platform's error answer ({@code >= 400}) into a typed {@link PlatformCallException} for a MicroProfile
 * REST client: {@code 429} is {@code RATE_LIMITED} with the wait from {@code Retry-After} (seconds or HTTP-date)
 * or, for BigCommerce, {@code X-Rate-Limit-Time-Reset-Ms}; {@code 401}/{@code 403} {@code UNAUTHENTICATED};
 * {@code 404} {@code NOT_FOUND}; {@code 5xx} a {@link PlatformUnavailableException}; any other {@code 4xx}
 * {@code REJECTED}. Register one per client ({@code RestClientBuilder.register(new PlatformResponses("Shopify",
 * clock))}); it runs before the default mapper. Stateless and thread-safe.
 */
public final class PlatformResponses implements ResponseExceptionMapper<PlatformCallException> {

    /** Runs before MicroProfile's default mapper ({@code Integer.MAX_VALUE}). */
    public static final int PRIORITY = 1000;

    private final String platform;
    private final Clock clock;

    /**
     * @param platform named in messages ({@code "Shopify"}); never null
     * @param clock    for HTTP-date {@code Retry-After}; never null
     */
    public PlatformResponses(String platform, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public PlatformCallException toThrowable(Response response) {
        int status = response.getStatus();
        String where = platform + " answered HTTP " + status;
        if (status == 429) {
            Duration wait = retryAfter(response);
            return new PlatformCallException(PlatformCallException.Kind.RATE_LIMITED, status, wait,
                    where + " (rate limited" + (wait == null ? "" : ", retry after " + wait.toMillis() + " ms") + ")",
                    null);
        }
        PlatformCallException.Kind kind;
        if (status == 401 || status == 403) {
            kind = PlatformCallException.Kind.UNAUTHENTICATED;
        } else if (status == 404) {
            kind = PlatformCallException.Kind.NOT_FOUND;
        } else if (status >= 500) {
            String retryAfter = response.getHeaderString("Retry-After");
            return new PlatformUnavailableException(status,
                    retryAfter == null ? null : RetryAfter.parse(retryAfter, clock.instant()), where, null);
        } else {
            kind = PlatformCallException.Kind.REJECTED;
        }
        return new PlatformCallException(kind, status, null, where, null);
    }

    /** From {@code Retry-After} if present, else BigCommerce's reset header; null if neither is there. */
    private Duration retryAfter(Response response) {
        String retryAfter = response.getHeaderString("Retry-After");
        if (retryAfter != null) {
            return RetryAfter.parse(retryAfter, clock.instant());
        }
        return BigCommerceRateLimit.of(response::getHeaderString)
                .map(BigCommerceRateLimit::waitAfterRejection)
                .orElse(null);
    }
}
