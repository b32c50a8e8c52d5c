package dev.beckon.engine.scheduler;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TimerLatenessTest {

    @Test
    void beforeAnyTimerEverythingIsZero() {
        assertThat(new TimerLateness().snapshot()).isEqualTo(new TimerLateness.Snapshot(0, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void reportsLastMaxAndPercentiles() {
        TimerLateness lateness = new TimerLateness();
        for (int i = 1; i <= 100; i++) {
            lateness.record(Duration.ofMillis(i));
        }
        lateness.record(Duration.ofMillis(-5)); // a clock step backwards counts as on time

        TimerLateness.Snapshot snapshot = lateness.snapshot();

        assertThat(snapshot.count()).isEqualTo(101);
        assertThat(snapshot.last()).isZero();
        assertThat(snapshot.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(snapshot.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(snapshot.p99()).isEqualTo(Duration.ofMillis(99));
    }

    @Test
    void percentilesFollowTheRecentWindowButMaxIsSinceStart() {
        TimerLateness lateness = new TimerLateness();
        lateness.record(Duration.ofHours(14));
        for (int i = 0; i < TimerLateness.WINDOW; i++) {
            lateness.record(Duration.ofSeconds(1));
        }

        assertThat(lateness.snapshot().p99()).isEqualTo(Duration.ofSeconds(1));
        assertThat(lateness.snapshot().max()).isEqualTo(Duration.ofHours(14));
    }
}
