package dev.beckon.video.storage;

import java.util.Objects;

/** The result of {@link VideoStorage#put}. Immutable and thread-safe. */
public sealed interface PutOutcome {

    /**
     * Stored in full under a new key.
     *
     * @param sha256 64 lowercase hex characters; a strong ETag can be derived from it
     */
    record Stored(StorageKey key, long size, String sha256) implements PutOutcome {

        public Stored {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The content was longer than {@code cap} bytes; nothing was kept. */
    record TooLarge(long cap) implements PutOutcome {
    }
}
