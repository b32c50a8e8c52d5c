package dev.beckon.video.library;

import java.util.Objects;

/** What {@link UploadFlow#accept} did with an upload; the endpoint maps each to a status. Immutable. */
public sealed interface UploadOutcome {

    /**
     * Stored and recorded (201). The video is {@code TRANSCODING} when a transcode was queued, or still
     * {@code UPLOADED} with a reason (no ffmpeg on this machine, or the queue was full).
     */
    record Accepted(Video video) implements UploadOutcome {

        public Accepted {
            Objects.requireNonNull(video, "video");
        }
    }

    /** Larger than the upload cap (413); nothing was kept. */
    record TooLarge(long capBytes) implements UploadOutcome {
    }

    /** Not a video container we accept (415); nothing was kept. */
    record Unsupported(String reason) implements UploadOutcome {

        public Unsupported {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A video, but unreadable or over the duration or size limits (422); nothing was kept. */
    record Rejected(String reason) implements UploadOutcome {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
