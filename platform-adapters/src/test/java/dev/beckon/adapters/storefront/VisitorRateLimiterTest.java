package dev.beckon.adapters.storefront;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Token buckets under a clock the test moves. */
class VisitorRateLimiterTest {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final VisitorRateLimiter limiter = new VisitorRateLimiter(new VisitorRateLimiter.Limits(
            3, Duration.ofSeconds(2), 10, Duration.ofSeconds(1), 100, Duration.ofMinutes(1)), clock);

    @Test
    void aVisitorGetsItsBurstThenOneEventPerRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(SHOP, "visitor-1", "203.0.113.5")).isInstanceOf(RateDecision.Allowed.class);
        }
        assertThat(limiter.acquire(SHOP, "visitor-1", "203.0.113.5"))
                .isEqualTo(new RateDecision.Limited("visitor", Duration.ofSeconds(2)));

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire(SHOP, "visitor-1", "203.0.113.5"))
                .isEqualTo(new RateDecision.Limited("visitor", Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire(SHOP, "visitor-1", "203.0.113.5")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire(SHOP, "visitor-1", "203.0.113.5")).isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void visitorsAndShopsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(SHOP, "visitor-1", "203.0.113.5");
        }
        assertThat(limiter.acquire(SHOP, "visitor-2", "203.0.113.5")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire(ShopId.of("shop-2"), "visitor-1", "203.0.113.5"))
                .isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void oneAddressCannotBypassTheLimitByMakingUpVisitors() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(SHOP, "visitor-" + i, "203.0.113.5")).isInstanceOf(RateDecision.Allowed.class);
        }
        assertThat(limiter.acquire(SHOP, "visitor-new", "203.0.113.5"))
                .isEqualTo(new RateDecision.Limited("address", Duration.ofSeconds(1)));
        assertThat(limiter.acquire(SHOP, "visitor-new", "198.51.100.7")).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire(SHOP, "visitor-" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(limiter.acquire(SHOP, "visitor-x", "2001:db8:1:2:ffff::1")).isInstanceOf(RateDecision.Limited.class);
        assertThat(limiter.acquire(SHOP, "visitor-x", "2001:db8:1:3::1")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(VisitorRateLimiter.addressKey("2001:0db8:0001:0002:0000:0000:0000:0001"))
                .isEqualTo("v6:20010db800010002::/64");
    }

    @Test
    void aLimitedRequestTakesNoTokenFromTheOtherBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(SHOP, "visitor-1", "203.0.113.5");
        }
        for (int i = 0; i < 20; i++) {
            limiter.acquire(SHOP, "visitor-1", "203.0.113.5");
        }
        // the 20 refused requests cost the address nothing: 7 of its 10 tokens are left
        for (int i = 0; i < 7; i++) {
            assertThat(limiter.acquire(SHOP, "other-" + i, "203.0.113.5")).isInstanceOf(RateDecision.Allowed.class);
        }
        assertThat(limiter.acquire(SHOP, "other-8", "203.0.113.5")).isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void memoryIsBoundedAndIdleVisitorsAreForgotten() {
        for (int i = 0; i < 500; i++) {
            limiter.acquire(SHOP, "visitor-" + i, "10.0.0." + (i % 200));
        }
        assertThat(limiter.tracked()).isEqualTo(100 + 100);

        clock.advance(Duration.ofMinutes(1));
        limiter.acquire(SHOP, "visitor-late", "10.0.1.1");
        assertThat(limiter.tracked()).isEqualTo(2);
    }
}
