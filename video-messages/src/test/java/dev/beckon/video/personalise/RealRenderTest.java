package dev.beckon.video.personalise;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.video.VideoFixtures;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoSchema;
import dev.beckon.video.metadata.Mp4Probe;
import dev.beckon.video.metadata.ProbeResult;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.ProcessRunner;
import dev.beckon.video.transcode.SystemProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The burned-in render with the real ffmpeg on a generated {@code testsrc} clip. Skipped, with the reason in the
 * report, where ffmpeg is missing; fails instead under {@code CI=true}.
 */
class RealRenderTest {

    private static final ShopId SHOP = new ShopId("shop-1");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    private static Ffmpeg found;

    @TempDir
    Path root;

    private RenderQueue queue;

    @BeforeAll
    static void findFfmpeg() {
        found = Ffmpeg.detect(Optional.empty());
        if (found instanceof Ffmpeg.Missing missing) {
            System.getLogger(RealRenderTest.class.getName()).log(System.Logger.Level.WARNING,
                    "SKIPPING real-ffmpeg render test: " + missing.reason());
        }
    }

    @BeforeEach
    void needsFfmpeg() {
        if (found instanceof Ffmpeg.Missing missing && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have ffmpeg (.ci/run installs it): " + missing.reason());
        }
        assumeTrue(found instanceof Ffmpeg.Available, () -> "SKIPPED, no ffmpeg: " + ((Ffmpeg.Missing) found).reason());
    }

    @AfterEach
    void tearDown() {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void burnsAHostileLookingNameIntoTheTemplateAndReusesTheFile() throws Exception {
        Path exe = ((Ffmpeg.Available) found).executable();
        Path template = root.resolve("template.mp4");
        run(List.of(exe.toString(), "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=duration=2:size=" + WIDTH + "x" + HEIGHT + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-movflags", "+faststart", template.toString()));
        DataSource dataSource = TestDatabases.h2();
        VideoSchema.migrate(dataSource);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        Transactions transactions = new Transactions(dataSource);
        JdbcVideoStore videos = new JdbcVideoStore(transactions, clock);
        LocalFileStorage storage = LocalFileStorage.at(root.resolve("store"));
        Video clip = VideoFixtures.stored(videos, storage, SHOP, template);
        AtomicInteger ffmpegRuns = new AtomicInteger();
        SystemProcessRunner system = new SystemProcessRunner();
        ProcessRunner counting = (command, timeout) -> {
            ffmpegRuns.incrementAndGet();
            return system.run(command, timeout);
        };
        queue = new RenderQueue(transactions, videos, new JdbcShopVideoSettings(transactions, clock), storage,
                counting, found, new RenderQueue.Limits(root.resolve("work"), RenderQueueTest.FONT, 1, 4,
                Duration.ofMinutes(2), Duration.ofMinutes(4)), clock);
        queue.setTemplateVideo(SHOP, clip.id());

        Render render = queue.request(SHOP, "cust-1", "Zoë O'Brien: 100%");
        await().atMost(Duration.ofMinutes(2))
                .until(() -> queue.find(SHOP, render.id()).orElseThrow().state() != RenderState.QUEUED
                        && queue.find(SHOP, render.id()).orElseThrow().state() != RenderState.RENDERING);
        Render done = queue.find(SHOP, render.id()).orElseThrow();
        assertThat(done.reason()).isEmpty();
        assertThat(done.state()).isEqualTo(RenderState.READY);

        Path out = root.resolve("render.mp4");
        Files.write(out, VideoFixtures.read(storage, done.output().orElseThrow()));
        ProbeResult probed = Mp4Probe.probe(out);
        assertThat(probed).isInstanceOf(ProbeResult.Probed.class);
        assertThat(((ProbeResult.Probed) probed).width()).isEqualTo(WIDTH);
        assertThat(((ProbeResult.Probed) probed).duration()).isBetween(Duration.ofMillis(1900),
                Duration.ofMillis(2200));
        byte[] before = grayFrame(exe, template);
        byte[] after = grayFrame(exe, out);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (Math.abs((before[i] & 0xFF) - (after[i] & 0xFF)) > 64) {
                changed++;
            }
        }
        assertThat(changed).as("pixels the text and its box changed in the frame at 1 s").isGreaterThan(5000);

        Render again = queue.request(SHOP, "cust-2", " Zoë  O'Brien: 100% ");
        assertThat(again.id()).isEqualTo(render.id());
        assertThat(again.state()).isEqualTo(RenderState.READY);
        assertThat(ffmpegRuns).as("the second shopper of that name got the cached file").hasValue(1);
        assertThat(Files.list(root.resolve("work")).toList()).as("scratch space emptied").isEmpty();
    }

    /** The frame at 1 s as 8-bit gray pixels. */
    private byte[] grayFrame(Path exe, Path mp4) throws Exception {
        Path raw = root.resolve(mp4.getFileName() + ".gray");
        run(List.of(exe.toString(), "-nostdin", "-v", "error", "-y", "-ss", "1", "-i", mp4.toString(),
                "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", raw.toString()));
        byte[] pixels = Files.readAllBytes(raw);
        assertThat(pixels).hasSize(WIDTH * HEIGHT);
        return pixels;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessRunner.Outcome outcome = new SystemProcessRunner().run(command, Duration.ofMinutes(2));
        assertThat(outcome).isInstanceOf(ProcessRunner.Exited.class);
        assertThat(((ProcessRunner.Exited) outcome).exitCode()).as(((ProcessRunner.Exited) outcome).stderrTail())
                .isZero();
    }
}
