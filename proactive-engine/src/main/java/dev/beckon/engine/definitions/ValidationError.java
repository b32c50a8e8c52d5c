package dev.beckon.engine.definitions;

import java.util.Objects;

/**
 * One problem with a journey, where it is and what is wrong:
 * {@code {path: "/steps/2/duration", message: "must be an ISO-8601 duration like PT1H"}}. The path is a JSON
 * Pointer (RFC 6901) into the journey JSON. Immutable.
 */
public record ValidationError(String path, String message) {

    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + ": " + message;
    }
}
