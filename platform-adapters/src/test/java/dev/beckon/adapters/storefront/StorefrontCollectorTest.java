package dev.beckon.adapters.storefront;

import dev.beckon.adapters.storefront.CollectException.Problem;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code POST /collect/{shopId}} end to end, without the HTTP edge. */
class StorefrontCollectorTest {

    private static final String ORIGIN = "https://shop.example.com";
    private static final byte[] VIEW = ("{\"type\":\"product_viewed\",\"visitorId\":\"visitor-0001\","
            + "\"productId\":\"123\"}").getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final StorefrontShop shop = new StorefrontShop(ShopId.of("shop-1"), "pk_live_4f9a",
            AllowedOrigins.of(List.of("shop.example.com")));
    private final StorefrontCollector collector = new StorefrontCollector(CollectorSettings.DEFAULTS,
            new VisitorRateLimiter(new VisitorRateLimiter.Limits(2, Duration.ofMillis(1500), 100,
                    Duration.ofMillis(10), 1000, Duration.ofMinutes(10)), clock), clock);

    @Test
    void aGoodPostFromTheStorefrontBecomesAnEventReceivedNow() throws Exception {
        var event = collector.collect(shop, ORIGIN, "pk_live_4f9a", "203.0.113.5", VIEW);

        assertThat(event.payload()).isInstanceOf(ProductViewed.class);
        assertThat(event.receivedAt()).isEqualTo(clock.instant());
        assertThat(event.shop()).isEqualTo(ShopId.of("shop-1"));
    }

    @Test
    void aForeignOrMissingOriginIsForbidden() {
        assertThatThrownBy(() -> collector.collect(shop, "https://evil.example", "pk_live_4f9a", null, VIEW))
                .isInstanceOfSatisfying(CollectException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN_ORIGIN);
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.getMessage()).startsWith("Origin 'https://evil.example' is not one of this shop's");
                });
        assertThatThrownBy(() -> collector.collect(shop, null, "pk_live_4f9a", null, VIEW))
                .isInstanceOfSatisfying(CollectException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN_ORIGIN));
    }

    @Test
    void aWrongOrMissingKeyIsRefusedWithoutShowingTheRightOne() {
        assertThatThrownBy(() -> collector.collect(shop, ORIGIN, "pk_live_0000", null, VIEW))
                .isInstanceOfSatisfying(CollectException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_KEY);
                    assertThat(e.getMessage()).doesNotContain("pk_live_4f9a");
                });
        assertThatThrownBy(() -> collector.collect(shop, ORIGIN, null, null, VIEW))
                .isInstanceOfSatisfying(CollectException.class,
                        e -> assertThat(e.getMessage()).startsWith("No key;"));
    }

    @Test
    void aVisitorOverItsLimitIsToldWhenToRetry() throws Exception {
        collector.collect(shop, ORIGIN, "pk_live_4f9a", "203.0.113.5", VIEW);
        collector.collect(shop, ORIGIN, "pk_live_4f9a", "203.0.113.5", VIEW);

        assertThatThrownBy(() -> collector.collect(shop, ORIGIN, "pk_live_4f9a", "203.0.113.5", VIEW))
                .isInstanceOfSatisfying(CollectException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.RATE_LIMITED);
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                    assertThat(e.getMessage()).isEqualTo("Too many events from this visitor; retry after 2 s.");
                });
        clock.advance(Duration.ofMillis(1500));
        assertThat(collector.collect(shop, ORIGIN, "pk_live_4f9a", "203.0.113.5", VIEW)).isNotNull();
    }
}
