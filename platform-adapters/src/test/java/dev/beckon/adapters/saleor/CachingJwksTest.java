package dev.beckon.adapters.saleor;

import dev.beckon.api.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome.Accepted;
import dev.beckon.api.platform.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key cache's refetch rules, and the HTTP source against a local server. */
class CachingJwksTest {

    private static final URI ORIGIN = URI.create("https://demo.saleor.cloud");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final FakeJwksSource source = new FakeJwksSource()
            .serve(ORIGIN.toString(), SaleorSigning.jwks(SaleorSigning.CURRENT));
    private final CachingJwks keys = new CachingJwks(source, clock);

    @Test
    void unknownKidsRefetchAtMostOncePerIntervalAndKnownKeysAreCached() {
        assertThat(keys.key(ORIGIN, "saleor-key-2026")).isInstanceOf(KeyLookup.Found.class);
        assertThat(keys.key(ORIGIN, "saleor-key-2026")).isInstanceOf(KeyLookup.Found.class);
        assertThat(keys.key(ORIGIN, "forged-1")).isInstanceOf(KeyLookup.UnknownKey.class);
        clock.advance(CachingJwks.MIN_REFETCH_INTERVAL);
        assertThat(keys.key(ORIGIN, "forged-2")).isInstanceOf(KeyLookup.UnknownKey.class);
        assertThat(keys.key(ORIGIN, "forged-3")).isInstanceOf(KeyLookup.UnknownKey.class);

        assertThat(source.fetches()).hasSize(2);
    }

    @Test
    void anOldSetIsRefetchedAndKeptWhenTheRefetchFails() {
        keys.key(ORIGIN, "saleor-key-2026");
        clock.advance(CachingJwks.MAX_AGE);
        source.remove(ORIGIN.toString());

        assertThat(keys.key(ORIGIN, "saleor-key-2026")).isInstanceOf(KeyLookup.Found.class);
        assertThat(source.fetches()).hasSize(2);
    }

    @Test
    void aWithdrawnKeyStopsVerifyingOnceTheSetIsOld() {
        keys.key(ORIGIN, "saleor-key-2026");
        source.serve(ORIGIN.toString(), SaleorSigning.jwks(SaleorSigning.PREVIOUS));
        clock.advance(CachingJwks.MAX_AGE);

        assertThat(keys.key(ORIGIN, "saleor-key-2026")).isInstanceOf(KeyLookup.UnknownKey.class);
    }

    @Test
    void theHttpSourceServesTheAdapterFromALocalInstance() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] jwks = SaleorSigning.jwks(SaleorSigning.CURRENT).getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        try {
            String origin = "http://127.0.0.1:" + server.getAddress().getPort();
            SaleorAdapter adapter = new SaleorAdapter(new HttpJwksSource(), clock);
            ShopContext shop = new ShopContext(ShopId.of("shop-local"), origin, List.of("unused"));
            byte[] body = "{\"order\": {\"id\": \"T3JkZXI6MQ==\"}}".getBytes(StandardCharsets.UTF_8);
            Headers headers = Headers.of("Saleor-Event", "order_created", "Saleor-Api-Url", origin + "/graphql/",
                    "Saleor-Signature", SaleorSigning.sign(body, SaleorSigning.CURRENT, origin + "/graphql/"));

            assertThat(adapter.receive(new WebhookRequest(shop, headers, body, clock.instant())))
                    .isInstanceOf(Accepted.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theHttpSourceFailsForAnUnreachableOrigin() {
        HttpJwksSource http = new HttpJwksSource(java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(500)).build(), Duration.ofSeconds(1));
        assertThatThrownBy(() -> http.fetch(URI.create("http://127.0.0.1:9"))).isInstanceOf(IOException.class);
    }
}
