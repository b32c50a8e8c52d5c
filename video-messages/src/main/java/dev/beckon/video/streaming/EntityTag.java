package dev.beckon.video.streaming;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP entity tag (RFC 9110 §8.8.3): an opaque string, strong or weak. Immutable and thread-safe.
 *
 * @param opaque the characters between the double quotes: visible ASCII except {@code "}, or obs-text; may be
 *               empty; never null
 * @param weak   whether the tag was written {@code W/"..."}
 */
public record EntityTag(String opaque, boolean weak) {

    public EntityTag {
        Objects.requireNonNull(opaque, "opaque");
        if (!isOpaque(opaque)) {
            throw new IllegalArgumentException("not a valid entity-tag: " + opaque);
        }
    }

    /** A strong tag; throws {@link IllegalArgumentException} if {@code opaque} has a quote, space or control. */
    public static EntityTag strong(String opaque) {
        return new EntityTag(opaque, false);
    }

    /**
     * Parses a header value such as {@code "abc"} or {@code W/"abc"}.
     *
     * @param value a single entity-tag, surrounding whitespace allowed; null gives empty
     * @return the tag, or empty when the value is not exactly one well-formed entity-tag
     */
    public static Optional<EntityTag> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        boolean weak = v.startsWith("W/");
        String quoted = weak ? v.substring(2) : v;
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            return Optional.empty();
        }
        String opaque = quoted.substring(1, quoted.length() - 1);
        return isOpaque(opaque) ? Optional.of(new EntityTag(opaque, weak)) : Optional.empty();
    }

    /** Strong comparison (RFC 9110 §8.8.3.2): both strong and the same characters. A weak tag never matches. */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** The header form: {@code "abc"} or {@code W/"abc"}. */
    public String headerValue() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }

    @Override
    public String toString() {
        return headerValue();
    }

    private static boolean isOpaque(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean etagc = c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
            if (!etagc) {
                return false;
            }
        }
        return true;
    }
}
