package dev.beckon.video.transcode;

import java.util.List;
import java.util.Objects;

/**
 * Commands run one after the other for one video (typically the web-safe MP4, then its poster and GIF); the job
 * stops at the first step that fails. Immutable and thread-safe.
 *
 * @param id    what the logs and the failure reason name, e.g. the video id; never null
 * @param steps at least one command
 */
public record TranscodeJob(String id, List<FfmpegCommand> steps) {

    public TranscodeJob {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a transcode job needs at least one step");
        }
    }
}
