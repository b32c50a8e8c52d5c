package dev.beckon.video;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The video module's settings, built once at start from MicroProfile Config at the edge (tests build it from a
 * map with {@link #from}). Every key is optional; the defaults suit a single 2-vCPU Payara Micro node. Immutable.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code beckon.video.storage-root}</td><td>{@code /var/lib/beckon/videos}</td>
 *       <td>local storage directory, outside any web document root</td></tr>
 *   <tr><td>{@code beckon.video.work-dir}</td><td>{@code <storage-root>/work}</td>
 *       <td>scratch space for ffmpeg inputs and outputs, emptied after each job</td></tr>
 *   <tr><td>{@code beckon.video.upload-cap-bytes}</td><td>{@code 209715200} (200 MiB)</td>
 *       <td>largest upload accepted (413 above)</td></tr>
 *   <tr><td>{@code beckon.video.max-duration}</td><td>{@code PT3M}</td>
 *       <td>longest clip accepted (ISO-8601 duration or whole seconds)</td></tr>
 *   <tr><td>{@code beckon.video.max-pixels}</td><td>{@code 8294400} (3840x2160)</td>
 *       <td>largest frame accepted</td></tr>
 *   <tr><td>{@code beckon.video.link-lifetime}</td><td>{@code P90D}</td>
 *       <td>how long a landing-page link works</td></tr>
 *   <tr><td>{@code beckon.video.ffmpeg-path}</td><td>(empty: search PATH)</td>
 *       <td>the ffmpeg binary</td></tr>
 *   <tr><td>{@code beckon.video.transcode-workers}</td><td>{@code 1}</td>
 *       <td>ffmpeg processes at once (one x264 encode fills 2 vCPUs)</td></tr>
 *   <tr><td>{@code beckon.video.transcode-queue-capacity}</td><td>{@code 32}</td>
 *       <td>jobs that may wait; more are refused and the video stays "uploaded"</td></tr>
 *   <tr><td>{@code beckon.video.transcode-timeout}</td><td>{@code PT5M}</td>
 *       <td>wall-clock limit per ffmpeg command; the process tree is killed after it</td></tr>
 * </table>
 */
public record VideoSettings(Path storageRoot, Path workDir, long uploadCapBytes, Duration maxDuration, long maxPixels,
                            Duration linkLifetime, Optional<Path> ffmpegPath, int transcodeWorkers,
                            int transcodeQueueCapacity, Duration transcodeTimeout) {

    public static final String PREFIX = "beckon.video.";
    public static final String STORAGE_ROOT = PREFIX + "storage-root";
    public static final String WORK_DIR = PREFIX + "work-dir";
    public static final String UPLOAD_CAP_BYTES = PREFIX + "upload-cap-bytes";
    public static final String MAX_DURATION = PREFIX + "max-duration";
    public static final String MAX_PIXELS = PREFIX + "max-pixels";
    public static final String LINK_LIFETIME = PREFIX + "link-lifetime";
    public static final String FFMPEG_PATH = PREFIX + "ffmpeg-path";
    public static final String TRANSCODE_WORKERS = PREFIX + "transcode-workers";
    public static final String TRANSCODE_QUEUE_CAPACITY = PREFIX + "transcode-queue-capacity";
    public static final String TRANSCODE_TIMEOUT = PREFIX + "transcode-timeout";

    public static final Path DEFAULT_STORAGE_ROOT = Path.of("/var/lib/beckon/videos");
    public static final long DEFAULT_UPLOAD_CAP_BYTES = 200L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(3);
    public static final long DEFAULT_MAX_PIXELS = 3840L * 2160L;
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofDays(90);
    public static final int DEFAULT_TRANSCODE_WORKERS = 1;
    public static final int DEFAULT_TRANSCODE_QUEUE_CAPACITY = 32;
    public static final Duration DEFAULT_TRANSCODE_TIMEOUT = Duration.ofMinutes(5);

    public VideoSettings {
        Objects.requireNonNull(storageRoot, "storageRoot");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        Objects.requireNonNull(ffmpegPath, "ffmpegPath");
        Objects.requireNonNull(transcodeTimeout, "transcodeTimeout");
    }

    /** All defaults. */
    public static VideoSettings defaults() {
        return from(Map.of());
    }

    /**
     * Reads the keys above from {@code config}; keys not present (or blank) take their defaults, other keys are
     * ignored.
     *
     * @throws IllegalArgumentException naming the key and the bad value, when a value cannot be used
     */
    public static VideoSettings from(Map<String, String> config) {
        Path root = path(config, STORAGE_ROOT).orElse(DEFAULT_STORAGE_ROOT);
        return new VideoSettings(
                root,
                path(config, WORK_DIR).orElse(root.resolve("work")),
                positiveLong(config, UPLOAD_CAP_BYTES, DEFAULT_UPLOAD_CAP_BYTES),
                positiveDuration(config, MAX_DURATION, DEFAULT_MAX_DURATION),
                positiveLong(config, MAX_PIXELS, DEFAULT_MAX_PIXELS),
                positiveDuration(config, LINK_LIFETIME, DEFAULT_LINK_LIFETIME),
                path(config, FFMPEG_PATH),
                (int) boundedLong(config, TRANSCODE_WORKERS, DEFAULT_TRANSCODE_WORKERS, 64),
                (int) boundedLong(config, TRANSCODE_QUEUE_CAPACITY, DEFAULT_TRANSCODE_QUEUE_CAPACITY, 100_000),
                positiveDuration(config, TRANSCODE_TIMEOUT, DEFAULT_TRANSCODE_TIMEOUT));
    }

    /**
     * The CPU time an ffmpeg command may use ({@code -timelimit}): the wall-clock limit times the processors, since
     * x264 keeps every core busy. The wall-clock limit usually triggers first; this one also holds if the JVM dies.
     */
    public Duration ffmpegCpuLimit() {
        return transcodeTimeout.multipliedBy(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    private static Optional<String> value(Map<String, String> config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<Path> path(Map<String, String> config, String key) {
        return value(config, key).map(v -> {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw bad(key, v, "a file system path");
            }
        });
    }

    private static long positiveLong(Map<String, String> config, String key, long fallback) {
        return boundedLong(config, key, fallback, Long.MAX_VALUE);
    }

    private static long boundedLong(Map<String, String> config, String key, long fallback, long max) {
        Optional<String> value = value(config, key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.get());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value.get(), "a whole number from 1 to " + max);
    }

    private static Duration positiveDuration(Map<String, String> config, String key, Duration fallback) {
        Optional<String> value = value(config, key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration duration;
        try {
            duration = value.get().chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(value.get()))
                    : Duration.parse(value.get());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw bad(key, value.get(), "an ISO-8601 duration such as PT3M or P90D, or whole seconds");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw bad(key, value.get(), "a positive duration");
        }
        return duration;
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(key + ": expected " + expected + ", got '" + value + "'");
    }
}
