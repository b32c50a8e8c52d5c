package dev.beckon.engine.templates;

import java.util.List;
import java.util.Objects;

/**
 * A rendered message body.
 *
 * @param text    never null
 * @param format  never null
 * @param missing the variables the template used but the model did not have (rendered empty), in order of first
 *                use, each once; never null
 */
public record Rendered(String text, Format format, List<String> missing) {

    public Rendered {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        missing = List.copyOf(missing);
    }

    /** The body's SMS length and encoding. */
    public SmsSegments sms() {
        return SmsSegments.of(text);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
