package dev.beckon.video.personalise;

import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A shopper's first name as it is burned into a render, normalised so that the same name typed differently
 * ({@code " Anna "}, {@code "Anna"}, a decomposed {@code "Zoë"}) shares one cached render: Unicode NFC, surrounding
 * whitespace stripped, inner whitespace runs collapsed to one space. Case is kept ("anna" is shown as typed).
 * Control and format characters (line breaks, bidi overrides, zero-width joiners used for spoofing) are refused
 * rather than silently dropped. The text reaches ffmpeg only through a UTF-8 file read with {@code expansion=none},
 * so quotes, colons, percent signs and backslashes are plain text. Immutable and thread-safe.
 *
 * @param value the normalised name: the cache key and the text shown
 */
public record ShopperName(String value) {

    /** The longest name, in code points: longer ones would not fit the frame at the burned-in font size. */
    public static final int MAX_CODE_POINTS = 40;

    public ShopperName {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @throws VideoRequestException {@code INVALID_INPUT} when the name is missing, blank, too long or contains a
     *                               control or format character
     */
    public static ShopperName parse(String firstName) throws VideoRequestException {
        if (firstName == null || firstName.isBlank()) {
            throw new VideoRequestException(Problem.INVALID_INPUT, "a first name is required for a personalised render");
        }
        String nfc = Normalizer.normalize(firstName, Normalizer.Form.NFC).strip();
        boolean unprintable = nfc.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        });
        if (unprintable) {
            throw new VideoRequestException(Problem.INVALID_INPUT,
                    "the first name contains a control or invisible formatting character");
        }
        String name = nfc.replaceAll("\\s+", " ");
        if (name.codePointCount(0, name.length()) > MAX_CODE_POINTS) {
            throw new VideoRequestException(Problem.INVALID_INPUT,
                    "the first name is longer than " + MAX_CODE_POINTS + " characters");
        }
        return new ShopperName(name);
    }

    /** The line burned into the video. */
    public String greeting() {
        return "Thank you, " + value + "!";
    }
}
