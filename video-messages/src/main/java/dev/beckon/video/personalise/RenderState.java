package dev.beckon.video.personalise;

import java.util.Locale;

/**
 * Where a burned-in render is: {@code QUEUED}, {@code RENDERING} (ffmpeg is running), {@code READY} (the file is in
 * storage) or {@code FAILED} (with the reason; asking for the same render again retries it).
 */
public enum RenderState {
    QUEUED, RENDERING, READY, FAILED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RenderState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
