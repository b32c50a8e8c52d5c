package dev.beckon.video.upload;

import java.util.Objects;

/** The result of a {@link CappedCopy}. Immutable and thread-safe. */
public sealed interface CopyOutcome {

    /**
     * Everything was copied.
     *
     * @param bytes  how many bytes; {@code <=} the cap
     * @param sha256 the SHA-256 of those bytes, 64 lowercase hex characters
     */
    record Copied(long bytes, String sha256) implements CopyOutcome {

        public Copied {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The input was longer than {@code cap} bytes; copying stopped there (the endpoint answers 413). The output
     * holds an incomplete prefix that the caller must discard.
     */
    record TooLarge(long cap) implements CopyOutcome {
    }
}
