package dev.beckon.engine.guardrails;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StaleAndReentryTest {

    @Test
    void aCartNudgeTwoDaysLateIsSkippedOneOnTimeIsNot() {
        StaleRule rule = StaleRule.skipIfLaterThan(Duration.ofHours(12));

        assertThat(rule.skipReason(Duration.ofDays(2))).contains("stale: the step's timer fired 2d late, more than"
                + " the 12h this step allows (the engine was down or behind)");
        assertThat(rule.skipReason(Duration.ofHours(12))).isEmpty();
        assertThat(rule.skipReason(Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void sendLateNeverSkips() {
        assertThat(StaleRule.SEND_LATE.skipReason(Duration.ofDays(30))).isEmpty();
    }

    @Test
    void reentryWithinTheCooldownIsSkippedAfterItAllowed() {
        Instant entered = Instant.parse("2026-11-20T10:00:00Z");

        assertThat(ReentryCooldown.check("abandoned-checkout", entered, entered.plus(Duration.ofHours(36)),
                Duration.ofDays(7))).isEqualTo(new Decision.Skip("re-entry cooldown: entered abandoned-checkout 36h"
                + " ago (at 2026-11-20T10:00:00Z); the shop allows re-entry after 7d"));
        assertThat(ReentryCooldown.check("abandoned-checkout", entered, entered.plus(Duration.ofDays(7)),
                Duration.ofDays(7))).isEqualTo(Decision.ALLOW);
        assertThat(ReentryCooldown.check("abandoned-checkout", null, entered, Duration.ofDays(7)))
                .isEqualTo(Decision.ALLOW);
        assertThat(ReentryCooldown.check("abandoned-checkout", entered, entered, Duration.ZERO))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void durationsReadTheWayMerchantsWriteThem() {
        assertThat(Durations.human(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(Durations.human(Duration.ofHours(16))).isEqualTo("16h");
        assertThat(Durations.human(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.human(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(Durations.human(Duration.ofHours(51))).isEqualTo("2d 3h");
    }
}
