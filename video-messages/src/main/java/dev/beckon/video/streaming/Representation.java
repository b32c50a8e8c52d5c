package dev.beckon.video.streaming;

import java.time.Instant;
import java.util.Objects;

/**
 * What Range evaluation needs to know about the stored video: its length and its validators. Stored videos
 * never change under their storage key, so both validators are strong: the ETag is derived from the content hash,
 * and the Last-Modified date, at one-second precision, also identifies exactly one content (RFC 9110 §8.8.2.2).
 * Immutable and thread-safe.
 *
 * @param length       the complete length in bytes; {@code >= 0}
 * @param etag         a strong entity tag; never null
 * @param lastModified when the content was stored; never null; sent and compared at second precision
 */
public record Representation(long length, EntityTag etag, Instant lastModified) {

    public Representation {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        if (etag.weak()) {
            throw new IllegalArgumentException("a video's ETag must be strong, was " + etag);
        }
    }
}
