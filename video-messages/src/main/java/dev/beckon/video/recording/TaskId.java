package dev.beckon.video.recording;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A recording task's id: a random UUID. Immutable. */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    /** Reads an id from outside (a URL); empty when it is not a UUID. */
    public static Optional<TaskId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new TaskId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
