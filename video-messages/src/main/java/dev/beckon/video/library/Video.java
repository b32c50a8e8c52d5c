package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.upload.VideoContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One uploaded video as stored in the {@code video} table. Immutable and thread-safe.
 *
 * @param reason       why it failed, or why it is not transcoded yet; empty otherwise
 * @param original     the upload as received; never served to browsers
 * @param mp4          the web-safe rendition, once {@code READY}
 * @param duration     known once probed: at upload for MP4/MOV, after the transcode otherwise
 */
public record Video(VideoId id, ShopId shop, VideoState state, Optional<String> reason, VideoContainer container,
                    StorageKey original, long originalBytes, String originalSha256, Optional<StorageKey> mp4,
                    Optional<StorageKey> poster, Optional<StorageKey> gif, Optional<Duration> duration,
                    Optional<Integer> width, Optional<Integer> height, Instant createdAt, Instant updatedAt) {

    public Video {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(originalSha256, "originalSha256");
        Objects.requireNonNull(mp4, "mp4");
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(gif, "gif");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
