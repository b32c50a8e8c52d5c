package dev.beckon.engine.templates;

import java.util.Objects;

/**
 * How long an SMS body is on the wire: its encoding, characters, units and segments (what the provider bills).
 *
 * <p>A body is sent as GSM-7 when every character is in the GSM 03.38 default alphabet or its extension table;
 * extension characters ({@code € [ ] { } ^ ~ \ |} and form feed) take two septets. Anything else (an emoji, a
 * curly quote, {@code ç}) makes the whole body UCS-2, where a character outside the Basic Multilingual Plane takes
 * two code units. One segment holds 160 septets or 70 code units; a longer body is split into parts of 153
 * septets or 67 code units, and an escape pair or surrogate pair is never split across parts. Immutable.
 *
 * @param encoding   never null
 * @param characters the number of Unicode code points
 * @param units      septets for GSM-7, UTF-16 code units for UCS-2
 * @param segments   the number of SMS parts; 0 for an empty body
 */
public record SmsSegments(SmsEncoding encoding, int characters, int units, int segments) {

    /** The GSM 03.38 default alphabet (ESC excluded: it only introduces the extension table). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The GSM 03.38 extension table: each is sent as ESC plus one septet. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
    }

    /** Measures a body. */
    public static SmsSegments of(String text) {
        Objects.requireNonNull(text, "text");
        int characters = text.codePointCount(0, text.length());
        if (isGsm7(text)) {
            return gsm7(text, characters);
        }
        return ucs2(text, characters);
    }

    /** Whether every character of the text can be sent in GSM-7 (extension table included). */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The characters of the text that force UCS-2, each once, in order of appearance; empty for GSM-7 text. */
    public static String nonGsm7Characters(String text) {
        StringBuilder found = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            boolean gsm = cp <= 0xFFFF && (BASIC.indexOf(cp) >= 0 || EXTENSION.indexOf(cp) >= 0);
            if (!gsm && found.indexOf(s) < 0) {
                found.append(s);
            }
        });
        return found.toString();
    }

    /** Whether the body fits in one segment. */
    public boolean singleSegment() {
        return segments <= 1;
    }

    private static SmsSegments gsm7(String text, int characters) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= SmsEncoding.GSM_7.singleSegmentUnits()) {
            return new SmsSegments(SmsEncoding.GSM_7, characters, septets, septets == 0 ? 0 : 1);
        }
        int segments = 1;
        int used = 0;
        int limit = SmsEncoding.GSM_7.concatenatedSegmentUnits();
        for (int i = 0; i < text.length(); i++) {
            int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > limit) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new SmsSegments(SmsEncoding.GSM_7, characters, septets, segments);
    }

    private static SmsSegments ucs2(String text, int characters) {
        int units = text.length();
        if (units <= SmsEncoding.UCS_2.singleSegmentUnits()) {
            return new SmsSegments(SmsEncoding.UCS_2, characters, units, units == 0 ? 0 : 1);
        }
        int segments = 1;
        int used = 0;
        int limit = SmsEncoding.UCS_2.concatenatedSegmentUnits();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = Character.charCount(cp);
            if (used + size > limit) {
                segments++;
                used = 0;
            }
            used += size;
            i += size;
        }
        return new SmsSegments(SmsEncoding.UCS_2, characters, units, segments);
    }
}
