package dev.beckon.video.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where video bytes live: the local file system by default ({@link LocalFileStorage}) or S3-compatible storage
 * ({@link S3Storage}). Stored content never changes under its key; replacing a video means putting a new one and
 * deleting the old. Implementations are thread-safe; every method blocks on I/O and throws {@link IOException} only for broken
 * infrastructure, never for a missing key.
 */
public interface VideoStorage {

    /**
     * Streams {@code content} into storage under a newly generated key, never holding it in memory. The content
     * becomes visible under its key only once complete; on {@link PutOutcome.TooLarge} or an exception, nothing is
     * left behind. Does not close {@code content}.
     *
     * @param cap the most bytes allowed; {@code >= 0}
     */
    PutOutcome put(InputStream content, long cap) throws IOException;

    /**
     * Opens bytes {@code offset .. offset+length-1} of a stored video, or fewer when the video ends first.
     *
     * @param offset {@code 0 <= offset <= size}; a larger offset is a bug ({@link IllegalArgumentException})
     * @param length {@code >= 0}
     * @return the slice, or empty when there is no video under {@code key}
     */
    Optional<VideoSlice> open(StorageKey key, long offset, long length) throws IOException;

    /** The stored size in bytes, or empty when there is no video under {@code key}. */
    OptionalLong size(StorageKey key) throws IOException;

    /** Removes the video; true if it existed. */
    boolean delete(StorageKey key) throws IOException;

    /** Opens a whole stored video, or empty when there is none under {@code key}. */
    default Optional<VideoSlice> open(StorageKey key) throws IOException {
        return open(key, 0, Long.MAX_VALUE);
    }

    default boolean exists(StorageKey key) throws IOException {
        return size(key).isPresent();
    }
}
