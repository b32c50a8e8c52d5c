package dev.beckon.engine.guardrails;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The hours of the shopper's own day when marketing may reach her: {@code opens} inclusive to {@code closes}
 * exclusive, local time. A window whose closing time is before its opening time runs past midnight; one that
 * opens and closes at the same time is open all day (a shop that wants no quiet hours). Immutable.
 *
 * @param opens  never null
 * @param closes never null
 */
public record QuietHours(LocalTime opens, LocalTime closes) {

    /** 8:00 to 20:00, the window most SMS rules and anchors use. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(8, 0), LocalTime.of(20, 0));

    public QuietHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    /** True if the window is open all day. */
    public boolean allDay() {
        return opens.equals(closes);
    }

    public boolean allows(LocalTime time) {
        if (allDay()) {
            return true;
        }
        return opens.isBefore(closes)
                ? !time.isBefore(opens) && time.isBefore(closes)
                : !time.isBefore(opens) || time.isBefore(closes);
    }

    /**
     * The first instant at or after {@code now} inside the window, in {@code zone}. Across a daylight-saving gap
     * the opening moves forward with the clocks (02:30 on a spring-forward night becomes 03:30).
     */
    public Instant nextAllowed(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (allows(local.toLocalTime())) {
            return now;
        }
        LocalDate day = local.toLocalTime().isBefore(opens) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    /**
     * The first instant at or after {@code now} inside the window in every one of {@code zones} (a shopper who may
     * be in any of them). For zones a few hours apart the windows overlap and this converges in a few steps; if
     * they do not overlap at all, the window of the first zone decides.
     */
    public Instant nextAllowed(Instant now, List<ZoneId> zones) {
        Instant candidate = now;
        for (int step = 0; step < 8; step++) {
            Instant latest = candidate;
            for (ZoneId zone : zones) {
                Instant next = nextAllowed(candidate, zone);
                if (next.isAfter(latest)) {
                    latest = next;
                }
            }
            if (latest.equals(candidate)) {
                return candidate;
            }
            candidate = latest;
        }
        return nextAllowed(now, zones.get(0));
    }
}
