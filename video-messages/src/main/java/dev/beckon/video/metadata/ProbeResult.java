package dev.beckon.video.metadata;

import java.time.Duration;
import java.util.Objects;

/** What {@link Mp4Probe} learnt about a video file. Immutable and thread-safe. */
public sealed interface ProbeResult {

    /**
     * The container's declared duration and the first video track's display size.
     *
     * @param duration {@code >= 0}
     * @param width    pixels, {@code > 0}
     * @param height   pixels, {@code > 0}
     */
    record Probed(Duration duration, int width, int height) implements ProbeResult {

        public Probed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("bad probe: " + duration + ", " + width + "x" + height);
            }
        }

        public long pixels() {
            return (long) width * height;
        }
    }

    /** The file could not be read as a video; {@code reason} is fit to show the merchant (the endpoint answers 422). */
    record Unreadable(String reason) implements ProbeResult {

        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
