package dev.beckon.video.library;

import java.util.Locale;

/**
 * Where a video is in its life: {@code UPLOADED} (stored, checked, waiting for a transcode), {@code TRANSCODING},
 * {@code READY} (the web-safe MP4, poster and GIF exist) or {@code FAILED} (with a reason).
 */
public enum VideoState {
    UPLOADED, TRANSCODING, READY, FAILED;

    /** The column value: {@code uploaded}, ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VideoState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
