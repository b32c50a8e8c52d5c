package dev.beckon.adapters.http;

import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final Throttles throttles = new Throttles(clock, sleeper);

    @Test
    void aFreshShopDoesNotWait() throws InterruptedException {
        assertThat(throttles.of("a.myshopify.com").await()).isZero();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aHoldDelaysTheNextCallByWhatIsLeftOfIt() throws InterruptedException {
        Throttle throttle = throttles.of("a.myshopify.com");
        throttle.holdFor(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(500));

        assertThat(throttle.await()).isEqualTo(Duration.ofMillis(1500));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(1500));
        assertThat(throttle.await()).isZero();
    }

    @Test
    void aShorterHoldNeverCutsALongerOneShort() {
        Throttle throttle = throttles.of("a.myshopify.com");
        throttle.holdFor(Duration.ofSeconds(5));
        throttle.holdFor(Duration.ofSeconds(1));
        assertThat(throttle.remaining()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shopsAreThrottledSeparately() {
        throttles.of("a.myshopify.com").holdFor(Duration.ofSeconds(5));
        assertThat(throttles.of("b.myshopify.com").remaining()).isZero();
        assertThat(throttles.of("a.myshopify.com").remaining()).isEqualTo(Duration.ofSeconds(5));
    }
}
