package dev.beckon.engine.definitions;

import java.util.List;
import java.util.stream.Collectors;

/** A journey that cannot be accepted, with every problem found (a 400 with the list, at the API). */
public final class JourneyValidationException extends Exception {

    private final transient List<ValidationError> errors;

    public JourneyValidationException(List<ValidationError> errors) {
        super(errors.stream().map(ValidationError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Never empty. */
    public List<ValidationError> errors() {
        return errors;
    }
}
