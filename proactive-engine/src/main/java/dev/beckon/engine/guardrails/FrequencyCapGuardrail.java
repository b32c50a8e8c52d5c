package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Skips a marketing message when the address already had the cap's number of messages on that channel in the
 * rolling window before now; never reschedules it (a capped nudge is not worth sending late). Transactional
 * messages pass. Counting is only as good as the attempt's {@link SendAttempt#recentSends()}: the caller reads them
 * under a per-address lock, so two racing journeys see each other. Immutable.
 */
public final class FrequencyCapGuardrail implements Guardrail {

    private final Map<ChannelType, FrequencyCap> caps;

    /** @param caps by channel; a channel without an entry is not capped */
    public FrequencyCapGuardrail(Map<ChannelType, FrequencyCap> caps) {
        this.caps = Map.copyOf(Objects.requireNonNull(caps, "caps"));
    }

    @Override
    public Decision check(SendAttempt attempt) {
        FrequencyCap cap = caps.get(attempt.channel());
        if (cap == null || attempt.purpose() == Consent.Purpose.TRANSACTIONAL) {
            return Decision.ALLOW;
        }
        Instant windowStart = attempt.now().minus(cap.per());
        Instant last = null;
        int count = 0;
        for (Instant sent : attempt.recentSends()) {
            if (sent.isAfter(windowStart) && !sent.isAfter(attempt.now())) {
                count++;
                last = last == null || sent.isAfter(last) ? sent : last;
            }
        }
        if (count < cap.max()) {
            return Decision.ALLOW;
        }
        return new Decision.Skip("frequency cap " + attempt.channel() + " " + cap.describe() + " reached (last at "
                + last + ")");
    }

    @Override
    public String name() {
        return "frequency cap";
    }
}
