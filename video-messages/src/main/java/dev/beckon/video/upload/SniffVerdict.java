package dev.beckon.video.upload;

import java.util.Objects;

/** What {@link ContentSniffer} concluded from an upload's first bytes. Immutable and thread-safe. */
public sealed interface SniffVerdict {

    /**
     * The bytes start like a video container we accept. Not proof of a playable video: a later ffprobe whitelist
     * and the transcode decide that.
     */
    record Sniffed(VideoContainer container, String mimeType) implements SniffVerdict {

        public Sniffed {
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(mimeType, "mimeType");
        }

        static Sniffed of(VideoContainer container) {
            return new Sniffed(container, container.mimeType());
        }
    }

    /** Not a video we accept; {@code reason} is fit to show the merchant (the endpoint answers 415). */
    record Rejected(String reason) implements SniffVerdict {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
