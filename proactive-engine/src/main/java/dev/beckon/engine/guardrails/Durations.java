package dev.beckon.engine.guardrails;

import java.time.Duration;

/** Durations as merchants read them in reasons: {@code 24h}, {@code 7d}, {@code 90m}, {@code 2d 3h}. */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0 && hours == 0 && minutes == 0 && secs == 0 && days > 1) {
            return days + "d";
        }
        if (minutes == 0 && secs == 0 && days <= 1) {
            return (days * 24 + hours) + "h";
        }
        StringBuilder s = new StringBuilder();
        append(s, days, "d");
        append(s, hours, "h");
        append(s, minutes, "m");
        append(s, secs, "s");
        return s.toString();
    }

    private static void append(StringBuilder s, long value, String unit) {
        if (value > 0) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(value).append(unit);
        }
    }
}
