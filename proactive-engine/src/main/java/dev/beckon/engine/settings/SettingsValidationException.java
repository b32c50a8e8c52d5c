package dev.beckon.engine.settings;

import dev.beckon.api.plugin.BeckonException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A shop's settings were refused: every field that is wrong, each with what is wrong with it. The suite answers
 * 400 with {@link #errors()}.
 */
public final class SettingsValidationException extends BeckonException {

    private static final long serialVersionUID = 1L;

    /**
     * One wrong field.
     *
     * @param field   the JSON path of the field ({@code quietHours.start}, {@code frequencyCaps.SMS.per}); never null
     * @param message what is wrong and what is expected; never null
     */
    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public SettingsValidationException(List<FieldError> errors) {
        super("invalid shop settings: " + errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Never empty. */
    public List<FieldError> errors() {
        return errors;
    }
}
