package dev.beckon.video.upload;

/** The containers an upload may arrive in, with the media type the content proves. */
public enum VideoContainer {
    /** ISO base media (ftyp with an MP4 brand): phones, screen recorders, Safari's MediaRecorder. */
    MP4("video/mp4"),
    /** QuickTime (ftyp brand {@code qt  }): iPhone uploads. */
    QUICKTIME("video/quicktime"),
    /** WebM (EBML DocType {@code webm}): Chrome's and Firefox's MediaRecorder. */
    WEBM("video/webm"),
    /** Matroska (EBML DocType {@code matroska}). */
    MATROSKA("video/x-matroska");

    private final String mimeType;

    VideoContainer(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }
}
