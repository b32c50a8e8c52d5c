package dev.beckon.engine.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 5);
    final Random random = new Random(20261123L);

    @ParameterizedTest(name = "attempt {0} waits {1}s to {2}s")
    @CsvSource({
            "1, 5, 10",
            "2, 10, 20",
            "3, 20, 40",
            "4, 40, 80",
            "5, 80, 160",
            "6, 150, 300",   // 320 s capped at max
            "12, 150, 300",
            "40, 150, 300",  // far past the cap, no overflow
    })
    void eachAttemptWaitsBetweenHalfAndAllOfItsCeiling(int attempt, long lowSeconds, long highSeconds) {
        for (int i = 0; i < 500; i++) {
            Duration wait = backoff.delay(attempt, null, random);
            assertThat(wait).isBetween(Duration.ofSeconds(lowSeconds), Duration.ofSeconds(highSeconds));
        }
    }

    @Test
    void waitsAreJitteredNotFixed() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waits.add(backoff.delay(3, null, random));
        }

        assertThat(waits.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        Random a = new Random(7);
        Random b = new Random(7);
        for (int attempt = 1; attempt <= 8; attempt++) {
            first.add(backoff.delay(attempt, null, a));
            second.add(backoff.delay(attempt, null, b));
        }

        assertThat(first).isEqualTo(second);
    }

    @Test
    void theMaxIsReachedAndNeverPassed() {
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 2000; i++) {
            Duration wait = backoff.delay(30, null, random);
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }

        assertThat(longest).isLessThanOrEqualTo(Duration.ofMinutes(5)).isGreaterThan(Duration.ofMinutes(4));
    }

    @Test
    void aZeroOrNegativeAttemptWaitsLikeTheFirst() {
        assertThat(backoff.delay(0, null, random)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(backoff.delay(-3, null, random)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void aLongerRetryAfterFromTheProviderWins() {
        Duration wait = backoff.delay(1, Duration.ofSeconds(45), random);

        assertThat(wait).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aRetryAfterLongerThanTheMaxStillWins() {
        assertThat(backoff.delay(1, Duration.ofMinutes(20), random)).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheBackoff() {
        Duration wait = backoff.delay(3, Duration.ofSeconds(2), random);

        assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    @Test
    void allowsAnotherAttemptUntilMaxAttemptsCallsWereMade() {
        assertThat(backoff.allowsAnother(0)).isTrue();
        assertThat(backoff.allowsAnother(4)).isTrue();
        assertThat(backoff.allowsAnother(5)).isFalse();
        assertThat(backoff.allowsAnother(6)).isFalse();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        Backoff once = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1);

        assertThat(once.allowsAnother(0)).isTrue();
        assertThat(once.allowsAnother(1)).isFalse();
    }

    @Test
    void baseEqualToMaxIsAllowed() {
        Backoff flat = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 3);

        assertThat(flat.delay(4, null, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(null, Duration.ofMinutes(1), 3))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("base");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), null, 3))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("max");
    }
}
