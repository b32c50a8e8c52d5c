package dev.beckon.adapters.http;

import dev.beckon.api.testing.MutableClock;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedRetryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final Throttle throttle = new Throttle(clock, sleeper);

    private static PlatformCallException rateLimited(Duration wait) {
        return new PlatformCallException(PlatformCallException.Kind.RATE_LIMITED, 429, wait, "slow down", null);
    }

    @Test
    void aRateLimitedCallWaitsWhatThePlatformAskedAndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String answer = new BoundedRetry(3).call(throttle, () -> {
            if (calls.incrementAndGet() == 1) {
                throw rateLimited(Duration.ofSeconds(2));
            }
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void withoutAStatedWaitItBacksOffExponentially() {
        AtomicInteger calls = new AtomicInteger();
        new BoundedRetry(3).call(throttle, () -> {
            if (calls.incrementAndGet() <= 3) {
                throw rateLimited(null);
            }
            return "ok";
        });
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void itGivesUpAfterMaxRetriesWithTheTypedError() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> new BoundedRetry(2).call(throttle, () -> {
            calls.incrementAndGet();
            throw rateLimited(Duration.ofSeconds(1));
        })).isInstanceOfSatisfying(PlatformCallException.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.RATE_LIMITED));
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> new BoundedRetry(3).call(throttle, () -> {
            calls.incrementAndGet();
            throw new PlatformCallException(PlatformCallException.Kind.UNAVAILABLE, "HTTP 503");
        })).isInstanceOf(PlatformCallException.class);
        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void noConnectionBecomesUnavailable() {
        assertThatThrownBy(() -> new BoundedRetry(3).call(throttle, () -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        })).isInstanceOfSatisfying(PlatformCallException.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.UNAVAILABLE));
    }
}
