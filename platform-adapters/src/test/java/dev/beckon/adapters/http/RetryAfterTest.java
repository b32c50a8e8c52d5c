package dev.beckon.adapters.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void deltaSecondsAreSecondsNotMilliseconds() {
        assertThat(RetryAfter.parse("2", NOW)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shopifysFractionalSecondsAreRead() {
        assertThat(RetryAfter.parse("2.0", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 1.5 ", NOW)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anHttpDateIsRelativeToTheInjectedClock() {
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 10:00:07 GMT", NOW)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 09:59:00 GMT", NOW)).isZero();
    }

    @Test
    void longWaitsAreClamped() {
        assertThat(RetryAfter.parse("3600", NOW)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("999999999.9", NOW)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 10:00:00 GMT", NOW)).isEqualTo(RetryAfter.MAX);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1e3", "2,0", "0x10", "Wed, 32 Dec 2026 10:00:00 GMT",
        "99999999999999999999"})
    void missingOrUnreadableValuesGiveTheDefault(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(RetryAfter.DEFAULT);
    }
}
