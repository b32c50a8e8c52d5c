package dev.beckon.adapters.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.beckon.api.testing.MutableClock;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST-client plumbing against a local server: throttle filter, typed errors, bounded 429 retry. */
class RestClientsTest {

    @RegisterExtension
    static final WireMockExtension PLATFORM = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    /** A stand-in admin endpoint. */
    @Path("/admin/ping")
    public interface Ping {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject ping();
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final Throttle throttle = new Throttle(clock, sleeper);
    private final Ping client = RestClients.of("Shopify", clock)
            .build(Ping.class, URI.create(PLATFORM.baseUrl()), throttle);

    @Test
    void a429WithRetryAfterTwoIsWaitedOutAndTheCallSucceeds() {
        PLATFORM.stubFor(get("/admin/ping").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2.0"))
                .willSetStateTo("calm"));
        PLATFORM.stubFor(get("/admin/ping").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"ok\":true}")));

        JsonObject answer = BoundedRetry.DEFAULT.call(throttle, client::ping);

        assertThat(answer.getBoolean("ok")).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        PLATFORM.verify(2, getRequestedFor(urlEqualTo("/admin/ping")));
    }

    @Test
    void anAlmostFullShopifyBucketMakesTheNextCallWait() {
        PLATFORM.stubFor(get("/admin/ping").willReturn(okJson("{\"ok\":true}")
                .withHeader(ShopifyCallLimit.HEADER, "39/40")));

        client.ping();
        assertThat(sleeper.sleeps()).isEmpty();
        client.ping();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void bigCommercesExhaustedQuotaMakesTheNextCallWaitForTheWindowToReset() {
        PLATFORM.stubFor(get("/admin/ping").willReturn(okJson("{\"ok\":true}")
                .withHeader(BigCommerceRateLimit.REQUESTS_LEFT, "0")
                .withHeader(BigCommerceRateLimit.TIME_RESET_MS, "1500")));

        client.ping();
        client.ping();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void aBigCommerce429IsWaitedOutForItsResetMilliseconds() {
        PLATFORM.stubFor(get("/admin/ping").inScenario("quota").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader(BigCommerceRateLimit.REQUESTS_LEFT, "0")
                        .withHeader(BigCommerceRateLimit.TIME_RESET_MS, "750"))
                .willSetStateTo("reset"));
        PLATFORM.stubFor(get("/admin/ping").inScenario("quota").whenScenarioStateIs("reset")
                .willReturn(okJson("{\"ok\":true}")));

        BoundedRetry.DEFAULT.call(throttle, client::ping);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(750));
    }

    @Test
    void aServerErrorIsATypedUnavailableNotARetry() {
        PLATFORM.stubFor(get("/admin/ping").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> BoundedRetry.DEFAULT.call(throttle, client::ping))
                .isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).isEqualTo("Shopify answered HTTP 502");
                });
        PLATFORM.verify(1, getRequestedFor(urlEqualTo("/admin/ping")));
    }

    @Test
    void aRevokedTokenIsUnauthenticated() {
        PLATFORM.stubFor(get("/admin/ping").willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> BoundedRetry.DEFAULT.call(throttle, client::ping))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.UNAUTHENTICATED));
    }

    @Test
    void aPlatformThatKeepsSaying429IsGivenUpOnAfterTheBoundedRetries() {
        PLATFORM.stubFor(get("/admin/ping").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> new BoundedRetry(2).call(throttle, client::ping))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.RATE_LIMITED));
        PLATFORM.verify(3, getRequestedFor(urlEqualTo("/admin/ping")));
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void noServerIsUnavailable() {
        Ping nowhere = RestClients.of("Shopify", clock).build(Ping.class, URI.create("http://127.0.0.1:1"), throttle);

        assertThatThrownBy(() -> BoundedRetry.DEFAULT.call(throttle, nowhere::ping))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.UNAVAILABLE));
    }
}
