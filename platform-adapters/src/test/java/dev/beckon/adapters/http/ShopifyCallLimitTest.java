package dev.beckon.adapters.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyCallLimitTest {

    @Test
    void readsTheHeaderShopifyDocuments() {
        assertThat(ShopifyCallLimit.parse("32/40")).contains(new ShopifyCallLimit(32, 40));
    }

    @Test
    void aBucketWithRoomDoesNotSlowDown() {
        assertThat(ShopifyCallLimit.parse("32/40").orElseThrow().waitBeforeNextCall()).isZero();
    }

    @Test
    void anAlmostFullBucketWaitsForItToLeakAtTwoPerSecond() {
        // 39/40 at 2/s: two slots must leak to get back under 38
        assertThat(ShopifyCallLimit.parse("39/40").orElseThrow().waitBeforeNextCall())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(ShopifyCallLimit.parse("40/40").orElseThrow().waitBeforeNextCall())
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void plusStoresLeakAtFourPerSecond() {
        ShopifyCallLimit plus = ShopifyCallLimit.parse("80/80").orElseThrow();
        assertThat(plus.leakPerSecond()).isEqualTo(4.0);
        assertThat(plus.waitBeforeNextCall()).isEqualTo(Duration.ofMillis(750));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "40", "a/40", "32/0", "-1/40", "32/40/2", "1234567/40"})
    void unreadableHeadersAreIgnored(String header) {
        assertThat(ShopifyCallLimit.parse(header)).isEmpty();
    }
}
