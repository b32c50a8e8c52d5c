package dev.beckon.adapters.json;

/**
 * A caller-supplied value made safe to quote in a rejection reason: control characters replaced and the length
 * capped, so a hostile header or field cannot flood a log line or an HTTP response.
 */
public final class Excerpt {

    private static final int MAX_LENGTH = 80;

    private Excerpt() {
    }

    /** The value, safe to quote: never null for a non-null value, at most 80 characters plus an ellipsis. */
    public static String of(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 1);
        for (int i = 0; i < value.length() && out.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }
}
