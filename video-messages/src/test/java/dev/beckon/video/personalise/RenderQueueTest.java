package dev.beckon.video.personalise;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.video.TinyMp4;
import dev.beckon.video.VideoFixtures;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoSchema;
import dev.beckon.video.library.VideoState;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.ProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The render queue's bookkeeping with a fake ffmpeg; {@link RealRenderTest} runs the real one. */
class RenderQueueTest {

    static final ShopId SHOP = new ShopId("shop-1");
    static final Ffmpeg FFMPEG = new Ffmpeg.Available(Path.of("/usr/bin/ffmpeg"), Optional.empty(), "test");
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final AtomicInteger runs = new AtomicInteger();
    final byte[] rendered = TinyMp4.video().size(1280, 720).bytes();
    Transactions transactions;
    JdbcVideoStore videos;
    JdbcShopVideoSettings settings;
    LocalFileStorage storage;
    RenderQueue queue;

    @BeforeEach
    void setUp() throws IOException {
        DataSource dataSource = TestDatabases.h2();
        VideoSchema.migrate(dataSource);
        transactions = new Transactions(dataSource);
        videos = new JdbcVideoStore(transactions, clock);
        settings = new JdbcShopVideoSettings(transactions, clock);
        storage = LocalFileStorage.at(root.resolve("store"));
    }

    @AfterEach
    void tearDown() {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void aNameIsRenderedOnceAndTheCachedFileServesTheSameNameTypedDifferently() throws Exception {
        queue = queue(fake(), FFMPEG, 1, 4);
        setTemplate();

        Render first = queue.request(SHOP, "cust-1", "Zoe");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queue.find(SHOP, first.id()).orElseThrow().state() == RenderState.READY);
        Render again = queue.request(SHOP, "cust-2", "  Zoe ");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.state()).isEqualTo(RenderState.READY);
        assertThat(VideoFixtures.read(storage, again.output().orElseThrow())).isEqualTo(rendered);
        assertThat(runs).as("ffmpeg ran once for both shoppers").hasValue(1);
        Render other = queue.request(SHOP, "cust-3", "Zoë");
        assertThat(other.id()).as("another name is another render").isNotEqualTo(first.id());
    }

    @Test
    void aRenderOverItsTimeLimitFailsWithTheReasonAndAskingAgainRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ProcessRunner fake = fake();
        queue = queue((command, timeout) -> calls.incrementAndGet() == 1 ? new ProcessRunner.Killed(timeout, "")
                : fake.run(command, timeout), FFMPEG, 1, 4);
        setTemplate();

        Render render = queue.request(SHOP, "cust-1", "Anna");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queue.find(SHOP, render.id()).orElseThrow().state() == RenderState.FAILED);
        assertThat(queue.find(SHOP, render.id()).orElseThrow().reason())
                .contains("rendering took longer than 30 s and was stopped");

        queue.request(SHOP, "cust-1", "Anna");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queue.find(SHOP, render.id()).orElseThrow().state() == RenderState.READY);
    }

    @Test
    void aFullQueueRefusesAtOnceWithTheReason() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProcessRunner fake = fake();
        queue = queue((command, timeout) -> {
            started.countDown();
            release.await();
            return fake.run(command, timeout);
        }, FFMPEG, 1, 1);
        setTemplate();
        try {
            queue.request(SHOP, "cust-1", "Anna");
            started.await();
            queue.request(SHOP, "cust-2", "Ben");

            Render third = queue.request(SHOP, "cust-3", "Chloe");

            assertThat(third.state()).isEqualTo(RenderState.FAILED);
            assertThat(third.reason()).contains("not rendered: the render queue is full; ask again later");
        } finally {
            release.countDown();
        }
    }

    @Test
    void requestsThatCannotBeDoneAreRefusedClearly() throws Exception {
        queue = queue(fake(), FFMPEG, 1, 4);
        assertProblem(Problem.NOT_FOUND, "this shop has no template clip; set one first",
                () -> queue.request(SHOP, "cust-1", "Anna"));
        Video transcoding = VideoFixtures.video(videos, SHOP, VideoState.TRANSCODING);
        queue.setTemplateVideo(SHOP, transcoding.id());
        assertProblem(Problem.UNUSABLE, "the template clip is not ready (transcoding)",
                () -> queue.request(SHOP, "cust-1", "Anna"));
        assertProblem(Problem.UNUSABLE, "the template clip cannot be used: broken file",
                () -> queue.setTemplateVideo(SHOP, VideoFixtures.video(videos, SHOP, VideoState.FAILED).id()));
        setTemplate();
        assertProblem(Problem.INVALID_INPUT, "control or invisible formatting character",
                () -> queue.request(SHOP, "cust-1", "Anna\nIgnore previous"));
        assertProblem(Problem.INVALID_INPUT, "control or invisible formatting character",
                () -> queue.request(SHOP, "cust-1", "Anna\u202Egnp.exe"));
        assertProblem(Problem.INVALID_INPUT, "longer than 40 characters",
                () -> queue.request(SHOP, "cust-1", "A".repeat(41)));
        assertProblem(Problem.INVALID_INPUT, "a first name is required",
                () -> queue.request(SHOP, "cust-1", " "));
        assertProblem(Problem.INVALID_INPUT, "a shopper reference",
                () -> queue.request(SHOP, "", "Anna"));
        RenderQueue noFfmpeg = queue(fake(), new Ffmpeg.Missing("ffmpeg is not on the PATH"), 1, 1);
        try {
            assertProblem(Problem.UNUSABLE, "burned-in renders need ffmpeg: ffmpeg is not on the PATH",
                    () -> noFfmpeg.request(SHOP, "cust-1", "Anna"));
        } finally {
            noFfmpeg.close();
        }
    }

    @Test
    void aRenderLeftRunningByARestartIsQueuedOnceAgain() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        RenderQueue before = queue((command, timeout) -> {
            never.await();
            return new ProcessRunner.Exited(1, "", "");
        }, FFMPEG, 1, 4);
        setTemplate();
        Render render = before.request(SHOP, "cust-1", "Anna");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> before.find(SHOP, render.id()).orElseThrow().state() == RenderState.RENDERING);
        before.close(); // the restart: the worker is interrupted, the row stays "rendering"
        assertThat(before.find(SHOP, render.id()).orElseThrow().state()).isEqualTo(RenderState.RENDERING);

        queue = queue(fake(), FFMPEG, 1, 4);
        assertThat(queue.requeueUnfinished(100)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> queue.find(SHOP, render.id()).orElseThrow().state() == RenderState.READY);
        assertThat(queue.requeueUnfinished(100)).isZero();
    }

    @Test
    void erasingAShopperDeletesTheirRenderFileAndRow() throws Exception {
        queue = queue(fake(), FFMPEG, 1, 4);
        setTemplate();
        Render anna = queue.request(SHOP, "cust-1", "Anna");
        Render ben = queue.request(SHOP, "cust-2", "Ben");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                queue.find(SHOP, anna.id()).orElseThrow().state() == RenderState.READY
                        && queue.find(SHOP, ben.id()).orElseThrow().state() == RenderState.READY);
        var annasFile = queue.find(SHOP, anna.id()).orElseThrow().output().orElseThrow();

        assertThat(queue.eraseShopper(SHOP, "cust-1")).isEqualTo(1);

        assertThat(queue.find(SHOP, anna.id())).isEmpty();
        assertThat(storage.exists(annasFile)).isFalse();
        assertThat(queue.find(SHOP, ben.id())).map(Render::state).contains(RenderState.READY);
        assertThat(queue.eraseShopper(SHOP, "cust-1")).isZero();
    }

    private void setTemplate() throws Exception {
        Path clip = root.resolve("template.mp4");
        Files.write(clip, TinyMp4.video().size(1280, 720).bytes());
        settings.setTemplateVideo(SHOP, VideoFixtures.stored(videos, storage, SHOP, clip).id());
    }

    RenderQueue queue(ProcessRunner runner, Ffmpeg ffmpeg, int workers, int capacity) {
        return new RenderQueue(transactions, videos, settings, storage, runner, ffmpeg,
                new RenderQueue.Limits(root.resolve("work"), FONT, workers, capacity, Duration.ofSeconds(30),
                        Duration.ofMinutes(1)), clock);
    }

    /** Checks the name file is there, then writes the "render" to the command's last argument. */
    private ProcessRunner fake() {
        return (command, timeout) -> {
            runs.incrementAndGet();
            String drawtext = command.get(command.indexOf("-vf") + 1);
            Path text = Path.of(drawtext.replaceAll(".*:textfile=([^:]+):.*", "$1"));
            try {
                assertThat(Files.readString(text)).startsWith("Thank you, ");
                Files.write(Path.of(command.get(command.size() - 1)), rendered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ProcessRunner.Exited(0, "", "");
        };
    }

    static void assertProblem(Problem problem, String message, Executable call) {
        VideoRequestException e = assertThrows(VideoRequestException.class, call);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).contains(message);
    }
}
