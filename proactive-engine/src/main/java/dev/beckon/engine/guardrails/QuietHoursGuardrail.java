package dev.beckon.engine.guardrails;

import dev.beckon.api.model.Consent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Holds marketing back outside the shopper's sending window, in her own time zone, and says when it will go:
 * a {@link Decision.Defer}, never a skip. Transactional messages (an order update) are not held. Without a known
 * zone it uses the fallback zone (the store's); with several possible zones the window must be open in all. A
 * shop may set other windows for shoppers in some countries (France 09:00–20:00). Immutable.
 */
public final class QuietHoursGuardrail implements Guardrail {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final QuietHours window;
    private final Map<String, QuietHours> byCountry;
    private final ZoneId fallbackZone;

    public QuietHoursGuardrail(QuietHours window, ZoneId fallbackZone) {
        this(window, Map.of(), fallbackZone);
    }

    /**
     * @param window       the sending window where no country override applies
     * @param byCountry    windows by the shopper's country (ISO 3166 alpha-2, upper case)
     * @param fallbackZone the store's zone, for shoppers whose zone is unknown
     */
    public QuietHoursGuardrail(QuietHours window, Map<String, QuietHours> byCountry, ZoneId fallbackZone) {
        this.window = Objects.requireNonNull(window, "window");
        this.byCountry = Map.copyOf(Objects.requireNonNull(byCountry, "byCountry"));
        this.fallbackZone = Objects.requireNonNull(fallbackZone, "fallbackZone");
    }

    @Override
    public Decision check(SendAttempt attempt) {
        if (attempt.purpose() == Consent.Purpose.TRANSACTIONAL) {
            return Decision.ALLOW;
        }
        List<ZoneId> zones = attempt.timeZones().isEmpty() ? List.of(fallbackZone) : attempt.timeZones();
        QuietHours applies = attempt.country() == null ? window : byCountry.getOrDefault(attempt.country(), window);
        Instant next = applies.nextAllowed(attempt.now(), zones);
        if (next.equals(attempt.now())) {
            return Decision.ALLOW;
        }
        ZoneId shown = zones.get(0);
        return new Decision.Defer(next, "quiet hours in "
                + zones.stream().map(ZoneId::getId).collect(Collectors.joining(", ")) + source(attempt)
                + " (sending " + HOURS.format(applies.opens()) + "–" + HOURS.format(applies.closes())
                + " local); goes at " + HOURS.format(next.atZone(shown)) + " " + shown.getId() + " time");
    }

    private static String source(SendAttempt attempt) {
        if (attempt.zoneSource() == null) {
            return "";
        }
        String country = attempt.country() == null ? "" : ", country " + attempt.country();
        return switch (attempt.zoneSource()) {
            case PROFILE -> ", from the profile" + country;
            case PHONE -> ", from the phone number" + country;
            case ADDRESS -> ", from the address" + country;
            case STORE -> ", the store's zone" + country;
        };
    }

    @Override
    public String name() {
        return "quiet hours";
    }
}
