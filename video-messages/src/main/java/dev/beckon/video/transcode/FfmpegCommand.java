package dev.beckon.video.transcode;

import dev.beckon.video.upload.VideoContainer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ffmpeg invocation as an exact argument list, to be run without a shell. Immutable and thread-safe.
 *
 * <p>Every command built here is hardened against hostile uploads (knowledge file §4.1):
 * <ul>
 *   <li>{@code -nostdin -y -hide_banner -loglevel error}: never waits for a keyboard, never asks before overwriting
 *       our own output file, and keeps standard error down to the errors that explain a failure;</li>
 *   <li>{@code -timelimit N}: ffmpeg exits after N seconds of CPU time (the queue adds a wall-clock limit);</li>
 *   <li>{@code -f mov|matroska} before each input: the demuxer comes from our content sniffing, never from probing,
 *       so an upload cannot pose as an HLS or concat playlist that names other files or URLs;</li>
 *   <li>{@code -protocol_whitelist file} before each input: only local files, no http, tcp, pipe or data URLs;</li>
 *   <li>{@code -t} on the input: output stops at the maximum duration whatever the header claims;</li>
 *   <li>{@code -map_metadata -1}: phone metadata (GPS location, device) does not reach the shopper;</li>
 *   <li>shopper text never enters an argument: drawtext reads it from a file with {@code expansion=none}.</li>
 * </ul>
 *
 * @param purpose what the command makes, for logs and failure reasons ({@code mp4}, {@code poster}, ...)
 * @param args    the complete argument list, executable first
 * @param output  the file it writes
 */
public record FfmpegCommand(String purpose, List<String> args, Path output) {

    /** The web-safe rendition's bounding size: the shorter side is at most 720 pixels. */
    public static final int MAX_SHORT_SIDE = 720;

    /** Scale down (never up) so the shorter side is at most 720, keep the aspect ratio, make both sides even. */
    static final String SCALE_720 = "scale=w='if(gte(iw,ih),-2,min(720,trunc(iw/2)*2))'"
            + ":h='if(gte(iw,ih),min(720,trunc(ih/2)*2),-2)'";

    static final String GIF_FILTER = "fps=10,scale=480:-2:flags=lanczos,split[a][b];[a]palettegen[p];[b][p]paletteuse";

    /** What a path may contain to appear inside a filter string without escaping: our generated paths only. */
    private static final Pattern FILTER_SAFE_PATH = Pattern.compile("[A-Za-z0-9/._-]+");

    public FfmpegCommand {
        Objects.requireNonNull(purpose, "purpose");
        args = List.copyOf(args);
        Objects.requireNonNull(output, "output");
    }

    /**
     * Starts building commands for one ffmpeg binary.
     *
     * @param cpuLimit the CPU time each command may use ({@code -timelimit}, whole seconds, at least 1)
     */
    public static Builder using(Path ffmpeg, Duration cpuLimit) {
        return new Builder(ffmpeg, cpuLimit);
    }

    /** Builds the commands; immutable and thread-safe. */
    public static final class Builder {

        private final Path ffmpeg;
        private final long cpuSeconds;

        private Builder(Path ffmpeg, Duration cpuLimit) {
            this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
            this.cpuSeconds = Math.max(1, cpuLimit.toSeconds());
        }

        /**
         * The one rendition every upload is normalised to: H.264 High, yuv420p, CRF 23 {@code veryfast}, at most
         * 720p, AAC stereo 128 kb/s, {@code +faststart} so playback starts before the download ends. Only the first
         * video stream and the first audio stream are kept; a silent upload ({@code 0:a:0?} matches nothing) gives
         * a video-only MP4, which every browser plays.
         *
         * @param maxDuration output stops here, whatever the container claims
         */
        public FfmpegCommand webSafeMp4(Path upload, VideoContainer container, Path mp4, Duration maxDuration) {
            List<String> args = start();
            input(args, demuxer(container), upload, maxDuration);
            args.addAll(List.of(
                    "-map", "0:v:0", "-map", "0:a:0?",
                    "-vf", SCALE_720,
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-profile:v", "high",
                    "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                    "-map_metadata", "-1", "-sn", "-dn",
                    "-movflags", "+faststart",
                    "-f", "mp4", mp4.toString()));
            return new FfmpegCommand("mp4", args, mp4);
        }

        /** A 640-pixel-wide JPEG of the frame at {@code at} (use less than the duration; 1 s for normal clips). */
        public FfmpegCommand poster(Path mp4, Path jpeg, Duration at) {
            List<String> args = start();
            args.addAll(List.of("-ss", seconds(at)));
            input(args, "mov", mp4, null);
            args.addAll(List.of(
                    "-frames:v", "1", "-vf", "scale=640:-2", "-q:v", "3",
                    "-map_metadata", "-1", "-an", "-update", "1",
                    "-f", "image2", jpeg.toString()));
            return new FfmpegCommand("poster", args, jpeg);
        }

        /** The first 3 s as a 480-pixel-wide, 10 fps looping GIF with its own palette, for email previews. */
        public FfmpegCommand previewGif(Path mp4, Path gif) {
            List<String> args = start();
            input(args, "mov", mp4, Duration.ofSeconds(3));
            args.addAll(List.of(
                    "-vf", GIF_FILTER, "-loop", "0", "-an", "-map_metadata", "-1",
                    "-f", "gif", gif.toString()));
            return new FfmpegCommand("gif", args, gif);
        }

        /**
         * The web-safe MP4 with a personal text burned in during its first 6 seconds, centred near the bottom on a
         * dark box. The text (e.g. "Thanks, Anna!") is read from {@code textFile}, UTF-8, with
         * {@code expansion=none}: quotes, colons, percent signs and backslashes in names stay plain text and cannot
         * change the filter. Audio is copied.
         *
         * @param textFile a file we wrote, whose path has only {@code [A-Za-z0-9/._-]}
         * @param fontFile a font file, with the same path restriction
         * @throws IllegalArgumentException if a path would need escaping inside the filter string
         */
        public FfmpegCommand personalised(Path mp4, Path textFile, Path fontFile, Path out) {
            String drawtext = "drawtext=fontfile=" + filterSafe(fontFile)
                    + ":textfile=" + filterSafe(textFile)
                    + ":expansion=none:fontcolor=white:fontsize=56:line_spacing=10"
                    + ":box=1:boxcolor=black@0.55:boxborderw=24"
                    + ":x=(w-text_w)/2:y=h-th-80:enable='between(t,0,6)'";
            List<String> args = start();
            input(args, "mov", mp4, null);
            args.addAll(List.of(
                    "-map", "0:v:0", "-map", "0:a:0?",
                    "-vf", drawtext,
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-profile:v", "high",
                    "-c:a", "copy",
                    "-map_metadata", "-1", "-sn", "-dn",
                    "-movflags", "+faststart",
                    "-f", "mp4", out.toString()));
            return new FfmpegCommand("personalised", args, out);
        }

        private List<String> start() {
            return new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-timelimit", Long.toString(cpuSeconds)));
        }

        private static void input(List<String> args, String demuxer, Path file, Duration limit) {
            args.addAll(List.of("-f", demuxer, "-protocol_whitelist", "file"));
            if (limit != null) {
                args.addAll(List.of("-t", seconds(limit)));
            }
            args.addAll(List.of("-i", "file:" + file));
        }

        private static String demuxer(VideoContainer container) {
            return switch (container) {
                case MP4, QUICKTIME -> "mov";
                case WEBM, MATROSKA -> "matroska";
            };
        }

        private static String filterSafe(Path path) {
            String text = path.toString();
            if (!FILTER_SAFE_PATH.matcher(text).matches()) {
                throw new IllegalArgumentException("path needs escaping in a filter string; use a generated path: "
                        + text);
            }
            return text;
        }
    }

    /** Seconds with millisecond precision, as ffmpeg's time syntax accepts: {@code 1}, {@code 0.5}, {@code 180}. */
    static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
