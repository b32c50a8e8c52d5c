package dev.beckon.video.transcode;

import dev.beckon.video.metadata.Mp4Probe;
import dev.beckon.video.metadata.ProbeResult;
import dev.beckon.video.upload.ContentSniffer;
import dev.beckon.video.upload.SniffVerdict;
import dev.beckon.video.upload.VideoContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real ffmpeg on a clip it generates (3 s of {@code testsrc} at 1920x1080 with a tone). Skipped, with the
 * reason in the report, where ffmpeg is not installed ({@code apt-get install --no-install-recommends ffmpeg}).
 */
class RealFfmpegTest {

    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private static Ffmpeg found;
    private static Ffmpeg.Available ffmpeg;

    @TempDir
    Path dir;

    @BeforeAll
    static void findFfmpeg() {
        found = Ffmpeg.detect(Optional.empty());
        if (found instanceof Ffmpeg.Missing missing) {
            System.getLogger(RealFfmpegTest.class.getName()).log(System.Logger.Level.WARNING,
                    "SKIPPING real-ffmpeg tests: " + missing.reason());
        } else {
            ffmpeg = (Ffmpeg.Available) found;
        }
    }

    /** Per test, so every skipped test shows in the report with the reason. */
    @BeforeEach
    void needsFfmpeg() {
        if (ffmpeg == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have ffmpeg (.ci/run installs it): "
                    + ((Ffmpeg.Missing) found).reason());
        }
        assumeTrue(ffmpeg != null, () -> "SKIPPED, no ffmpeg: " + ((Ffmpeg.Missing) found).reason());
    }

    @Test
    void transcodesAGeneratedClipToA720pFaststartMp4WithPosterAndGif() throws Exception {
        Path source = generate(dir.resolve("source.mp4"));
        FfmpegCommand.Builder commands = FfmpegCommand.using(ffmpeg.executable(), Duration.ofMinutes(2));
        Path mp4 = dir.resolve("web.mp4");
        TranscodeJob job = new TranscodeJob("real", List.of(
                commands.webSafeMp4(source, VideoContainer.MP4, mp4, Duration.ofMinutes(3)),
                commands.poster(mp4, dir.resolve("poster.jpg"), Duration.ofSeconds(1)),
                commands.previewGif(mp4, dir.resolve("preview.gif"))));

        try (TranscodeQueue queue = new TranscodeQueue(new SystemProcessRunner(), 1, 1, Duration.ofMinutes(2))) {
            TranscodeResult result = queue.runNow(job);

            assertThat(result).isInstanceOf(TranscodeResult.Done.class);
        }
        ProbeResult probed = Mp4Probe.probe(mp4);
        assertThat(probed).isInstanceOf(ProbeResult.Probed.class);
        ProbeResult.Probed web = (ProbeResult.Probed) probed;
        assertThat(web.width()).isEqualTo(1280);
        assertThat(web.height()).isEqualTo(720);
        assertThat(web.duration()).isBetween(Duration.ofMillis(2900), Duration.ofMillis(3200));
        assertThat(ContentSniffer.sniff(Arrays.copyOf(Files.readAllBytes(mp4), 128)))
                .isInstanceOf(SniffVerdict.Sniffed.class);
        assertThat(moovBeforeMdat(Files.readAllBytes(mp4))).as("+faststart puts moov before mdat").isTrue();
        byte[] poster = Files.readAllBytes(dir.resolve("poster.jpg"));
        assertThat(poster).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        byte[] gif = Files.readAllBytes(dir.resolve("preview.gif"));
        assertThat(new String(gif, 0, 6, StandardCharsets.ISO_8859_1)).isEqualTo("GIF89a");
    }

    @Test
    void burnsInANameWithQuotesColonsAndPercentSignsFromATextFile() throws Exception {
        assumeTrue(Files.isReadable(FONT), "SKIPPED: no DejaVu font (apt-get install fonts-dejavu-core)");
        Path source = generate(dir.resolve("source.mp4"));
        Path name = Files.writeString(dir.resolve("name.txt"), "Thanks, Zoë O'Brien: 100%{pts} \\ done!",
                StandardCharsets.UTF_8);
        FfmpegCommand command = FfmpegCommand.using(ffmpeg.executable(), Duration.ofMinutes(2))
                .personalised(source, name, FONT, dir.resolve("personal.mp4"));

        try (TranscodeQueue queue = new TranscodeQueue(new SystemProcessRunner(), 1, 1, Duration.ofMinutes(2))) {
            assertThat(queue.runNow(new TranscodeJob("personal", List.of(command))))
                    .isInstanceOf(TranscodeResult.Done.class);
        }
        assertThat(Mp4Probe.probe(dir.resolve("personal.mp4"))).isInstanceOf(ProbeResult.Probed.class);
    }

    @Test
    void aSilentUploadGivesAVideoOnlyMp4() throws Exception {
        Path silent = dir.resolve("silent.mp4");
        run(List.of(ffmpeg.executable().toString(), "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc=duration=2:size=640x360:rate=25", "-pix_fmt", "yuv420p", "-c:v", "libx264", silent.toString()));
        Path mp4 = dir.resolve("web.mp4");

        try (TranscodeQueue queue = new TranscodeQueue(new SystemProcessRunner(), 1, 1, Duration.ofMinutes(2))) {
            assertThat(queue.runNow(new TranscodeJob("silent", List.of(FfmpegCommand.using(ffmpeg.executable(),
                    Duration.ofMinutes(2)).webSafeMp4(silent, VideoContainer.MP4, mp4, Duration.ofMinutes(3))))))
                    .isInstanceOf(TranscodeResult.Done.class);
        }
        assertThat(Mp4Probe.probe(mp4)).isEqualTo(new ProbeResult.Probed(
                ((ProbeResult.Probed) Mp4Probe.probe(mp4)).duration(), 640, 360));
    }

    @Test
    void aTextFileDisguisedAsAnUploadFailsWithFfmpegsReason() throws Exception {
        Path playlist = Files.writeString(dir.resolve("original"), "#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n");
        FfmpegCommand command = FfmpegCommand.using(ffmpeg.executable(), Duration.ofMinutes(1))
                .webSafeMp4(playlist, VideoContainer.MP4, dir.resolve("web.mp4"), Duration.ofMinutes(3));

        try (TranscodeQueue queue = new TranscodeQueue(new SystemProcessRunner(), 1, 1, Duration.ofMinutes(1))) {
            TranscodeResult result = queue.runNow(new TranscodeJob("hostile", List.of(command)));

            assertThat(result).isInstanceOf(TranscodeResult.Failed.class);
            assertThat(((TranscodeResult.Failed) result).reason()).startsWith("mp4: ffmpeg exited with");
        }
        assertThat(dir.resolve("web.mp4")).doesNotExist();
    }

    private Path generate(Path out) throws Exception {
        run(List.of(ffmpeg.executable().toString(), "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc=duration=3:size=1920x1080:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest",
                out.toString()));
        return out;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessRunner.Outcome outcome = new SystemProcessRunner().run(command, Duration.ofMinutes(1));
        assertThat(outcome).isInstanceOf(ProcessRunner.Exited.class);
        assertThat(((ProcessRunner.Exited) outcome).exitCode()).as(outcome.toString()).isZero();
    }

    private static boolean moovBeforeMdat(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int moov = text.indexOf("moov");
        int mdat = text.indexOf("mdat");
        return moov >= 0 && mdat >= 0 && moov < mdat;
    }
}
