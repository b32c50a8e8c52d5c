package dev.beckon.engine.guardrails;

import dev.beckon.api.model.Consent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Holds marketing back outside the shopper's sending window, in her own time zone, and says when it will go:
 * a {@link Decision.Defer}, never a skip. Transactional messages (an order update) are not held. Without a known
 * zone it uses the fallback zone (the store's); with several possible zones the window must be open in all.
 */
public final class QuietHoursGuardrail implements Guardrail {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final QuietHours window;
    private final ZoneId fallbackZone;

    public QuietHoursGuardrail(QuietHours window, ZoneId fallbackZone) {
        this.window = Objects.requireNonNull(window, "window");
        this.fallbackZone = Objects.requireNonNull(fallbackZone, "fallbackZone");
    }

    @Override
    public Decision check(SendAttempt attempt) {
        if (attempt.purpose() == Consent.Purpose.TRANSACTIONAL) {
            return Decision.ALLOW;
        }
        List<ZoneId> zones = attempt.timeZones().isEmpty() ? List.of(fallbackZone) : attempt.timeZones();
        Instant next = window.nextAllowed(attempt.now(), zones);
        if (next.equals(attempt.now())) {
            return Decision.ALLOW;
        }
        ZoneId shown = zones.get(0);
        return new Decision.Defer(next, "quiet hours in "
                + zones.stream().map(ZoneId::getId).collect(Collectors.joining(", ")) + " (sending "
                + HOURS.format(window.opens()) + "–" + HOURS.format(window.closes()) + " local); goes at "
                + HOURS.format(next.atZone(shown)) + " " + shown.getId() + " time");
    }
}
