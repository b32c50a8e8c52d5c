package dev.beckon.video;

import dev.beckon.video.storage.S3Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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
 *   <tr><td>{@code beckon.video.storage}</td><td>{@code local}</td>
 *       <td>{@code local} (files under the storage root) or {@code s3} (S3-compatible object storage)</td></tr>
 *   <tr><td>{@code beckon.video.s3.endpoint}</td><td>(empty: AWS)</td>
 *       <td>an S3-compatible server, {@code http(s)://host:port}</td></tr>
 *   <tr><td>{@code beckon.video.s3.bucket}</td><td>(required with {@code s3})</td><td>the bucket</td></tr>
 *   <tr><td>{@code beckon.video.s3.region}</td><td>{@code us-east-1}</td><td>the signing region</td></tr>
 *   <tr><td>{@code beckon.video.s3.access-key}, {@code beckon.video.s3.secret-key}</td>
 *       <td>(empty: the SDK's default chain)</td><td>static credentials; both or neither</td></tr>
 *   <tr><td>{@code beckon.video.s3.path-style}</td><td>{@code true} with an endpoint, else {@code false}</td>
 *       <td>path-style addressing ({@code host/bucket/key})</td></tr>
 *   <tr><td>{@code beckon.video.font-file}</td><td>{@code /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}</td>
 *       <td>the font of burned-in names (Debian {@code fonts-dejavu-core})</td></tr>
 *   <tr><td>{@code beckon.video.render-workers}</td><td>{@code 1}</td><td>burned-in renders at once</td></tr>
 *   <tr><td>{@code beckon.video.render-queue-capacity}</td><td>{@code 16}</td>
 *       <td>renders that may wait; more fail at once with the reason</td></tr>
 *   <tr><td>{@code beckon.video.render-timeout}</td><td>{@code PT2M}</td>
 *       <td>wall-clock limit per render; the process tree is killed after it</td></tr>
 * </table>
 *
 * @param storage where video bytes live
 * @param s3      present exactly when {@code storage} is {@code S3}
 */
public record VideoSettings(Path storageRoot, Path workDir, long uploadCapBytes, Duration maxDuration, long maxPixels,
                            Duration linkLifetime, Optional<Path> ffmpegPath, int transcodeWorkers,
                            int transcodeQueueCapacity, Duration transcodeTimeout, StorageKind storage,
                            Optional<S3Settings> s3, Path fontFile, int renderWorkers, int renderQueueCapacity,
                            Duration renderTimeout) {

    /** Where video bytes live. */
    public enum StorageKind {
        /** Files under {@code storageRoot} ({@code LocalFileStorage}). */
        LOCAL,
        /** An S3-compatible bucket ({@code S3Storage}). */
        S3
    }

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
    public static final String STORAGE = PREFIX + "storage";
    public static final String S3_ENDPOINT = PREFIX + "s3.endpoint";
    public static final String S3_BUCKET = PREFIX + "s3.bucket";
    public static final String S3_REGION = PREFIX + "s3.region";
    public static final String S3_ACCESS_KEY = PREFIX + "s3.access-key";
    public static final String S3_SECRET_KEY = PREFIX + "s3.secret-key";
    public static final String S3_PATH_STYLE = PREFIX + "s3.path-style";
    public static final String FONT_FILE = PREFIX + "font-file";
    public static final String RENDER_WORKERS = PREFIX + "render-workers";
    public static final String RENDER_QUEUE_CAPACITY = PREFIX + "render-queue-capacity";
    public static final String RENDER_TIMEOUT = PREFIX + "render-timeout";

    public static final Path DEFAULT_STORAGE_ROOT = Path.of("/var/lib/beckon/videos");
    public static final long DEFAULT_UPLOAD_CAP_BYTES = 200L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(3);
    public static final long DEFAULT_MAX_PIXELS = 3840L * 2160L;
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofDays(90);
    public static final int DEFAULT_TRANSCODE_WORKERS = 1;
    public static final int DEFAULT_TRANSCODE_QUEUE_CAPACITY = 32;
    public static final Duration DEFAULT_TRANSCODE_TIMEOUT = Duration.ofMinutes(5);
    public static final String DEFAULT_S3_REGION = "us-east-1";
    public static final Path DEFAULT_FONT_FILE = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    public static final int DEFAULT_RENDER_WORKERS = 1;
    public static final int DEFAULT_RENDER_QUEUE_CAPACITY = 16;
    public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofMinutes(2);

    public VideoSettings {
        Objects.requireNonNull(storageRoot, "storageRoot");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        Objects.requireNonNull(ffmpegPath, "ffmpegPath");
        Objects.requireNonNull(transcodeTimeout, "transcodeTimeout");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(fontFile, "fontFile");
        Objects.requireNonNull(renderTimeout, "renderTimeout");
        if (s3.isPresent() != (storage == StorageKind.S3)) {
            throw new IllegalArgumentException("S3 settings are given exactly when the storage is S3");
        }
    }

    /** The settings before S3 storage and burned-in renders: local storage, default render settings. */
    public VideoSettings(Path storageRoot, Path workDir, long uploadCapBytes, Duration maxDuration, long maxPixels,
                         Duration linkLifetime, Optional<Path> ffmpegPath, int transcodeWorkers,
                         int transcodeQueueCapacity, Duration transcodeTimeout) {
        this(storageRoot, workDir, uploadCapBytes, maxDuration, maxPixels, linkLifetime, ffmpegPath, transcodeWorkers,
                transcodeQueueCapacity, transcodeTimeout, StorageKind.LOCAL, Optional.empty(), DEFAULT_FONT_FILE,
                DEFAULT_RENDER_WORKERS, DEFAULT_RENDER_QUEUE_CAPACITY, DEFAULT_RENDER_TIMEOUT);
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
                positiveDuration(config, TRANSCODE_TIMEOUT, DEFAULT_TRANSCODE_TIMEOUT),
                storageKind(config),
                storageKind(config) == StorageKind.S3 ? Optional.of(s3(config)) : Optional.empty(),
                path(config, FONT_FILE).orElse(DEFAULT_FONT_FILE),
                (int) boundedLong(config, RENDER_WORKERS, DEFAULT_RENDER_WORKERS, 64),
                (int) boundedLong(config, RENDER_QUEUE_CAPACITY, DEFAULT_RENDER_QUEUE_CAPACITY, 100_000),
                positiveDuration(config, RENDER_TIMEOUT, DEFAULT_RENDER_TIMEOUT));
    }

    /** The ffmpeg CPU-time limit of a burned-in render: its wall-clock limit times the processors. */
    public Duration renderCpuLimit() {
        return renderTimeout.multipliedBy(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    private static StorageKind storageKind(Map<String, String> config) {
        Optional<String> value = value(config, STORAGE);
        if (value.isEmpty()) {
            return StorageKind.LOCAL;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "local" -> StorageKind.LOCAL;
            case "s3" -> StorageKind.S3;
            default -> throw bad(STORAGE, value.get(), "local or s3");
        };
    }

    private static S3Settings s3(Map<String, String> config) {
        Optional<URI> endpoint = value(config, S3_ENDPOINT).map(v -> {
            try {
                URI uri = new URI(v);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw bad(S3_ENDPOINT, v, "an http or https URL such as http://127.0.0.1:9000");
        });
        String bucket = value(config, S3_BUCKET).orElseThrow(
                () -> new IllegalArgumentException(S3_BUCKET + ": required when " + STORAGE + " is s3"));
        Optional<String> accessKey = value(config, S3_ACCESS_KEY);
        Optional<String> secretKey = value(config, S3_SECRET_KEY);
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException(S3_ACCESS_KEY + " and " + S3_SECRET_KEY
                    + ": set both, or neither for the SDK's default credentials");
        }
        boolean pathStyle = value(config, S3_PATH_STYLE).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(S3_PATH_STYLE, v, "true or false");
        }).orElse(endpoint.isPresent());
        return new S3Settings(endpoint, value(config, S3_REGION).orElse(DEFAULT_S3_REGION), bucket, accessKey,
                secretKey, pathStyle);
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
