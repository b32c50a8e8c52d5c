package dev.beckon.video.transcode;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this machine can run ffmpeg. Found once at start ({@link #detect}); the machine may well not have it, and
 * then uploads are kept but not transcoded, with the reason shown to the merchant. Detection never throws.
 * Immutable and thread-safe.
 */
public sealed interface Ffmpeg {

    /** How long {@code ffmpeg -version} may take before the binary is declared unusable. */
    Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A working ffmpeg.
     *
     * @param executable the ffmpeg binary
     * @param ffprobe    the ffprobe binary next to it or on the PATH, when there is one
     * @param version    what {@code ffmpeg -version} reports, e.g. {@code 5.1.9-0+deb12u1}
     */
    record Available(Path executable, Optional<Path> ffprobe, String version) implements Ffmpeg {

        public Available {
            Objects.requireNonNull(executable, "executable");
            Objects.requireNonNull(ffprobe, "ffprobe");
            Objects.requireNonNull(version, "version");
        }
    }

    /** No usable ffmpeg; {@code reason} says what was tried. */
    record Missing(String reason) implements Ffmpeg {

        public Missing {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Finds ffmpeg: at {@code configured} when given (the binary itself), otherwise as {@code ffmpeg} in the
     * directories of {@code pathVariable} (the {@code PATH} environment variable), and checks it by running
     * {@code ffmpeg -hide_banner -version}. Blocks for at most {@link #VERSION_TIMEOUT}.
     *
     * @param pathVariable the PATH value; null or empty means nothing to search
     */
    static Ffmpeg detect(Optional<Path> configured, String pathVariable, ProcessRunner runner) {
        Optional<Path> binary = configured.isPresent() ? configured : onPath("ffmpeg", pathVariable);
        if (binary.isEmpty()) {
            return new Missing("ffmpeg is not on the PATH; install it (apt-get install --no-install-recommends "
                    + "ffmpeg) or set beckon.video.ffmpeg-path");
        }
        Path ffmpeg = binary.get();
        if (!Files.isRegularFile(ffmpeg) || !Files.isExecutable(ffmpeg)) {
            return new Missing("ffmpeg at " + ffmpeg + " is not an executable file");
        }
        try {
            ProcessRunner.Outcome outcome = runner.run(
                    List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-version"), VERSION_TIMEOUT);
            if (outcome instanceof ProcessRunner.Exited exited && exited.exitCode() == 0) {
                Path sibling = ffmpeg.resolveSibling("ffprobe");
                Optional<Path> ffprobe = Files.isExecutable(sibling) ? Optional.of(sibling)
                        : onPath("ffprobe", pathVariable);
                return new Available(ffmpeg, ffprobe, version(exited.stdoutHead()));
            }
            return new Missing("ffmpeg at " + ffmpeg + " did not answer -version: " + outcome);
        } catch (IOException e) {
            return new Missing("ffmpeg at " + ffmpeg + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Missing("interrupted while checking ffmpeg at " + ffmpeg);
        } catch (RuntimeException e) {
            return new Missing("ffmpeg at " + ffmpeg + " could not be checked: " + e);
        }
    }

    /** The system's ffmpeg: {@code configured}, or the one on this process's PATH. */
    static Ffmpeg detect(Optional<Path> configured) {
        return detect(configured, System.getenv("PATH"), new SystemProcessRunner());
    }

    /** The version word of {@code ffmpeg version 5.1.9-0+deb12u1 Copyright ...}, or "unknown". */
    static String version(String versionOutput) {
        String[] words = versionOutput.strip().split("\\s+");
        return words.length >= 3 && words[0].equals("ffmpeg") && words[1].equals("version") ? words[2] : "unknown";
    }

    /** The first executable {@code name} in the directories of {@code pathVariable}. */
    static Optional<Path> onPath(String name, String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (RuntimeException e) {
                // an unusable PATH entry (invalid characters) is skipped
            }
        }
        return Optional.empty();
    }
}
