package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyCapGuardrailTest {

    static final Instant NOW = Instant.parse("2026-11-23T19:00:00Z");

    final FrequencyCapGuardrail caps = new FrequencyCapGuardrail(Map.of(
            ChannelType.SMS, new FrequencyCap(1, Duration.ofHours(24)),
            ChannelType.EMAIL, new FrequencyCap(3, Duration.ofHours(24))));

    static SendAttempt attempt(ChannelType channel, Consent.Purpose purpose, Instant... sends) {
        return new SendAttempt(ShopId.of("s"), "abandoned-checkout", channel, purpose, "+14155550100", null, NOW,
                List.of(), null, null, List.of(sends));
    }

    @Test
    void theFirstMessageGoes() {
        assertThat(caps.check(attempt(ChannelType.SMS, Consent.Purpose.MARKETING))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aSecondSmsWithinADayIsSkippedNamingTheLastOne() {
        Instant earlier = NOW.minus(Duration.ofHours(23));

        assertThat(caps.check(attempt(ChannelType.SMS, Consent.Purpose.MARKETING, earlier))).isEqualTo(
                new Decision.Skip("frequency cap SMS 1 per 24h reached (last at 2026-11-22T20:00:00Z)"));
    }

    @Test
    void aSendExactlyOneWindowAgoNoLongerCounts() {
        assertThat(caps.check(attempt(ChannelType.SMS, Consent.Purpose.MARKETING, NOW.minus(Duration.ofHours(24)))))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void emailAllowsThreeADay() {
        Instant a = NOW.minus(Duration.ofHours(5));
        Instant b = NOW.minus(Duration.ofHours(3));

        assertThat(caps.check(attempt(ChannelType.EMAIL, Consent.Purpose.MARKETING, a, b))).isEqualTo(Decision.ALLOW);
        assertThat(caps.check(attempt(ChannelType.EMAIL, Consent.Purpose.MARKETING, b, a, NOW.minusSeconds(60))))
                .isEqualTo(new Decision.Skip("frequency cap EMAIL 3 per 24h reached (last at 2026-11-23T18:59:00Z)"));
    }

    @Test
    void transactionalMessagesAndUncappedChannelsPass() {
        Instant earlier = NOW.minus(Duration.ofHours(1));

        assertThat(caps.check(attempt(ChannelType.SMS, Consent.Purpose.TRANSACTIONAL, earlier)))
                .isEqualTo(Decision.ALLOW);
        assertThat(caps.check(attempt(ChannelType.APP, Consent.Purpose.MARKETING, earlier, earlier)))
                .isEqualTo(Decision.ALLOW);
    }
}
