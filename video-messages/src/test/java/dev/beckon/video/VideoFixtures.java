package dev.beckon.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoState;
import dev.beckon.video.storage.PutOutcome;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoStorage;
import dev.beckon.video.upload.VideoContainer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Videos in a given state, for tests of the features built on the library. */
public final class VideoFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VideoFixtures() {
    }

    /** A row in {@code state} whose files are made-up keys (nothing in storage). */
    public static Video video(JdbcVideoStore videos, ShopId shop, VideoState state) {
        VideoId id = VideoId.random();
        videos.insertUploaded(id, shop, VideoContainer.MP4, StorageKey.random(RANDOM), 100, "a".repeat(64), null);
        if (state == VideoState.READY) {
            videos.transition(shop, id, VideoState.UPLOADED, VideoState.TRANSCODING, null);
            videos.markReady(shop, id, StorageKey.random(RANDOM), StorageKey.random(RANDOM),
                    StorageKey.random(RANDOM), null);
        } else if (state != VideoState.UPLOADED) {
            videos.transition(shop, id, VideoState.UPLOADED, state, state == VideoState.FAILED ? "broken file" : null);
        }
        return videos.find(shop, id).orElseThrow();
    }

    /** A {@code READY} video whose original, MP4, poster and GIF are all really in {@code storage}. */
    public static Video stored(JdbcVideoStore videos, VideoStorage storage, ShopId shop, Path mp4) throws IOException {
        byte[] bytes = Files.readAllBytes(mp4);
        VideoId id = VideoId.random();
        videos.insertUploaded(id, shop, VideoContainer.MP4, put(storage, bytes), bytes.length, "a".repeat(64), null);
        videos.transition(shop, id, VideoState.UPLOADED, VideoState.TRANSCODING, null);
        videos.markReady(shop, id, put(storage, bytes), put(storage, new byte[] {(byte) 0xFF, (byte) 0xD8}),
                put(storage, "GIF89a".getBytes()), null);
        return videos.find(shop, id).orElseThrow();
    }

    public static StorageKey put(VideoStorage storage, byte[] bytes) throws IOException {
        return ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE)).key();
    }

    public static byte[] read(VideoStorage storage, StorageKey key) throws IOException {
        try (var slice = storage.open(key).orElseThrow(); InputStream in = Channels.newInputStream(slice.channel())) {
            return in.readAllBytes();
        }
    }
}
