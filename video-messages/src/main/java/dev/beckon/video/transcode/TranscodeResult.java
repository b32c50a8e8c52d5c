package dev.beckon.video.transcode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** How a {@link TranscodeJob} ended. Immutable and thread-safe. */
public sealed interface TranscodeResult {

    /** Every step exited with 0 and wrote a non-empty file; {@code outputs} are in step order. */
    record Done(List<Path> outputs) implements TranscodeResult {

        public Done {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * A step failed: ffmpeg exited with an error (a corrupt or unsupported upload, usually), wrote nothing, or
     * could not be started. {@code reason} names the step and ends with ffmpeg's own last error lines.
     */
    record Failed(String reason) implements TranscodeResult {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A step ran past the wall-clock limit and its process tree was killed. */
    record TimedOut(String step, Duration limit) implements TranscodeResult {

        public TimedOut {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(limit, "limit");
        }
    }
}
