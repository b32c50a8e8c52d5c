package dev.beckon.video.library;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A video's id: a random UUID. Immutable. */
public record VideoId(UUID value) {

    public VideoId {
        Objects.requireNonNull(value, "value");
    }

    public static VideoId random() {
        return new VideoId(UUID.randomUUID());
    }

    /** Reads an id from outside (a URL); empty when it is not a UUID. */
    public static Optional<VideoId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new VideoId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
