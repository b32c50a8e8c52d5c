package dev.beckon.video.personalise;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A render's id: a random UUID. Immutable. */
public record RenderId(UUID value) {

    public RenderId {
        Objects.requireNonNull(value, "value");
    }

    public static RenderId random() {
        return new RenderId(UUID.randomUUID());
    }

    /** Reads an id from outside (a URL); empty when it is not a UUID. */
    public static Optional<RenderId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new RenderId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
