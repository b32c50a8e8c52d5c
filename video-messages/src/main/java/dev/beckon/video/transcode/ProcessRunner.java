package dev.beckon.video.transcode;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runs one external program to completion or until a wall-clock limit. The production implementation is
 * {@link SystemProcessRunner}; tests use a fake. Implementations are thread-safe; {@link #run} blocks.
 */
@FunctionalInterface
public interface ProcessRunner {

    /**
     * @param command the program and its arguments, passed as an array (never through a shell); never empty
     * @param timeout the wall-clock limit; when it passes, the process and all its descendants are killed
     * @throws IOException when the program cannot be started (missing, not executable)
     */
    Outcome run(List<String> command, Duration timeout) throws IOException, InterruptedException;

    /** How a run ended. Immutable. */
    sealed interface Outcome {
    }

    /**
     * The process exited by itself.
     *
     * @param stdoutHead the first few KiB of its standard output (ffmpeg writes media to files, so this is small)
     * @param stderrTail the last few KiB of its standard error, where ffmpeg puts the reason for a failure
     */
    record Exited(int exitCode, String stdoutHead, String stderrTail) implements Outcome {

        public Exited {
            Objects.requireNonNull(stdoutHead, "stdoutHead");
            Objects.requireNonNull(stderrTail, "stderrTail");
        }
    }

    /** The wall-clock limit passed; the process tree was killed. */
    record Killed(Duration after, String stderrTail) implements Outcome {

        public Killed {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(stderrTail, "stderrTail");
        }
    }
}
