package dev.beckon.video.recording;

import dev.beckon.video.library.VideoId;

import java.util.Objects;
import java.util.Optional;

/**
 * How a recording task was settled, and so which video (if any) the journey links for the order. Immutable and
 * thread-safe.
 */
public sealed interface TaskResolution {

    /** The task as it now is. */
    RecordingTask task();

    /** The video to send the shopper a link to; empty when the task was missed. */
    Optional<VideoId> videoToLink();

    /** Staff recorded the order's own video. */
    record Recorded(RecordingTask task, VideoId video) implements TaskResolution {

        public Recorded {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(video, "video");
        }

        @Override
        public Optional<VideoId> videoToLink() {
            return Optional.of(video);
        }
    }

    /** Nobody recorded in time; the shop's pre-recorded fallback goes out, so no customer is missed. */
    record Fallback(RecordingTask task, VideoId video) implements TaskResolution {

        public Fallback {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(video, "video");
        }

        @Override
        public Optional<VideoId> videoToLink() {
            return Optional.of(video);
        }
    }

    /** Nobody recorded in time and there is no usable fallback; {@code reason} tells the merchant why. */
    record Missed(RecordingTask task, String reason) implements TaskResolution {

        public Missed {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<VideoId> videoToLink() {
            return Optional.empty();
        }
    }
}
