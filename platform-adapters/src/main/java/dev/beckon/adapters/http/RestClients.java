package dev.beckon.adapters.http;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds a MicroProfile REST client for one shop of one platform, with that shop's {@link ThrottleFilter} and the
 * typed {@link PlatformResponses} mapper in place of MicroProfile's default one, bounded timeouts and no redirects
 * (a redirect could carry the access token to another host). Works with any MicroProfile REST Client
 * implementation: Payara's in the container, Jersey's in tests.
 *
 * @param platform       named in error messages ({@code "Shopify"}); never null
 * @param clock          never null
 * @param connectTimeout never null
 * @param readTimeout    never null
 */
public record RestClients(String platform, Clock clock, Duration connectTimeout, Duration readTimeout) {

    /** MicroProfile REST Client's switch for its default exception mapper. */
    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    public RestClients {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** Connect within 2 s, answer within 10 s. */
    public static RestClients of(String platform, Clock clock) {
        return new RestClients(platform, clock, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /**
     * @param type     the client interface; never null
     * @param baseUri  the platform's origin for this shop; never null
     * @param throttle the shop's; never null
     * @return a new, thread-safe client
     */
    public <T> T build(Class<T> type, URI baseUri, Throttle throttle) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .register(new ThrottleFilter(throttle, clock))
                .register(new PlatformResponses(platform, clock))
                .build(type);
    }
}
