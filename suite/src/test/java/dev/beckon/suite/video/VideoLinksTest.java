package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.videos.VideoRequests;
import dev.beckon.video.VideoSettings;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.library.VideoSchema;
import dev.beckon.video.links.TokenCheck;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.privacy.VideoPrivacy;
import dev.beckon.video.recording.RecordingTask;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.recording.TaskResolution;
import dev.beckon.video.recording.TaskState;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.SystemProcessRunner;
import dev.beckon.video.upload.VideoContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback timer's work on H2: a task past due in a shop with a ready fallback video is settled and the
 * fallback is linked for its order (with the task's first name and order id) exactly once; an erasure removes the
 * link and the task. The journeys' video step: a template clip is linked at once; otherwise the run waits for the
 * order's recording task and goes on with the recorded video or the fallback.
 */
class VideoLinksTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final ShopId SHOP = new ShopId("shop-1");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private DataSource dataSource;
    private JdbcVideoStore videos;
    private JdbcVideoLinkStore linkStore;
    private RecordingTasks tasks;
    private RenderQueue renders;
    private VideoLinks links;
    private VideoStartup startup;
    private JdbcShopVideoSettings shopSettings;
    private JourneyVideoSteps steps;
    private final List<String> resumed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        VideoSchema.migrate(dataSource);
        SuiteVideoSchema.migrate(dataSource);
        Transactions transactions = new Transactions(dataSource);
        videos = new JdbcVideoStore(transactions, clock);
        linkStore = new JdbcVideoLinkStore(transactions);
        shopSettings = new JdbcShopVideoSettings(transactions, clock);
        tasks = new RecordingTasks(transactions, videos, shopSettings, clock);
        renders = new RenderQueue(transactions, videos, shopSettings, new LocalFileStorageStub(dir).storage,
                new SystemProcessRunner(), new Ffmpeg.Missing("not needed"),
                new RenderQueue.Limits(dir, dir.resolve("font.ttf"), 1, 1, Duration.ofMinutes(1),
                        Duration.ofMinutes(1)), clock);
        links = new VideoLinks();
        links.links = linkStore;
        links.dataSource = dataSource;
        links.settings = VideoSettings.defaults();
        links.clock = clock;
        links.init();
        steps = new JourneyVideoSteps();
        steps.tasks = tasks;
        steps.shopSettings = shopSettings;
        steps.videos = videos;
        steps.links = links;
        steps.dataSource = dataSource;
        steps.clock = clock;
        steps.init("https://beckon.example/", Duration.ofMinutes(1), (shop, runId, url) -> {
            resumed.add(shop.value() + " " + runId + " " + url);
            return true;
        });
        startup = new VideoStartup();
        startup.tasks = tasks;
        startup.links = links;
        startup.journeys = steps;
        startup.clock = clock;
    }

    @AfterEach
    void tearDown() {
        renders.close();
    }

    @Test
    void aTaskPastDueGetsTheShopsFallbackLinkedOnce() throws Exception {
        VideoId fallback = readyVideo();
        tasks.setFallbackVideo(SHOP, fallback);
        RecordingTask task = tasks.createTask(SHOP, "1001", "customer-7", "Ann", NOW.minusSeconds(1));
        tasks.createTask(SHOP, "1002", "customer-8", "Bob", NOW.plusSeconds(3600));

        assertThat(startup.resolveDue()).isEqualTo(1);
        assertThat(startup.resolveDue()).isZero();

        RecordingTask settled = tasks.find(SHOP, task.id()).orElseThrow();
        assertThat(settled.state()).isEqualTo(TaskState.FALLBACK);
        VideoLinkTargets.TaskLink link = links.ofTask(settled).orElseThrow();
        VideoLink stored = linkStore.findByToken(link.token()).orElseThrow();
        assertThat(stored.video()).isEqualTo(fallback);
        assertThat(stored.firstName()).hasValue("Ann");
        assertThat(stored.orderId()).hasValue("1001");
        assertThat(stored.token().tokenHash()).isEqualTo(link.linkId());
        assertThat(stored.token().checkAt(NOW)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(tasks.findByOrder(SHOP, "1002").orElseThrow().state()).isEqualTo(TaskState.OPEN);
    }

    @Test
    void withoutAFallbackTheTaskIsMissedAndNothingIsLinked() throws Exception {
        RecordingTask task = tasks.createTask(SHOP, "1001", "customer-7", "Ann", NOW.minusSeconds(1));

        assertThat(startup.resolveDue()).isZero();

        RecordingTask missed = tasks.find(SHOP, task.id()).orElseThrow();
        assertThat(missed.state()).isEqualTo(TaskState.MISSED);
        assertThat(links.ofTask(missed)).isEmpty();
    }

    @Test
    void erasingTheShopperRemovesTheTaskAndItsLink() throws Exception {
        tasks.setFallbackVideo(SHOP, readyVideo());
        RecordingTask task = tasks.createTask(SHOP, "1001", "customer-7", "Ann", NOW.minusSeconds(1));
        startup.resolveDue();
        String token = links.ofTask(tasks.find(SHOP, task.id()).orElseThrow()).orElseThrow().token();

        VideoPrivacy.Erased erased = new VideoPrivacy(videos, linkStore, tasks, renders,
                new LocalFileStorageStub(dir).storage, clock).eraseShopper(SHOP, "customer-7");

        assertThat(erased.links()).isEqualTo(1);
        assertThat(erased.tasks()).isEqualTo(1);
        assertThat(linkStore.findByToken(token)).isEmpty();
        assertThat(tasks.find(SHOP, task.id())).isEmpty();
    }

    @Test
    void aVideoLinkNamesItsShopperSoErasureFindsIt() throws Exception {
        VideoId video = readyVideo();
        VideoLinks.Issued issued = links.forVideo(SHOP, video, Optional.of("Ann"), Optional.of("1001"),
                Optional.of("customer-7"), Optional.of(Duration.ofDays(7)));

        assertThat(issued.url()).isEqualTo("/v/" + issued.token());
        assertThat(linkStore.findByToken(issued.token()).orElseThrow().token().expiresAt())
                .isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(links.renderOf(issued.id())).isEmpty();
        new VideoPrivacy(videos, linkStore, tasks, renders, new LocalFileStorageStub(dir).storage, clock)
                .eraseShopper(SHOP, "customer-7");
        assertThat(linkStore.findByToken(issued.token())).isEmpty();
    }

    @Test
    void aShopWithATemplateClipGetsAPersonalisedLinkToItAtOnce() {
        VideoId template = readyVideo();
        shopSettings.setTemplateVideo(SHOP, template);

        VideoRequests.Answer answer = steps.request(request("run-1", "5001", "Ann", NOW.plus(Duration.ofHours(24))));

        String url = ((VideoRequests.Answer.Ready) answer).url();
        assertThat(url).startsWith("https://beckon.example/v/");
        VideoLink link = linkStore.findByToken(url.substring(url.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(link.video()).isEqualTo(template);
        assertThat(link.firstName()).hasValue("Ann");
        assertThat(link.orderId()).hasValue("5001");
        assertThat(tasks.findByOrder(SHOP, "5001")).isEmpty();
    }

    @Test
    void otherwiseTheRunWaitsForTheOrdersRecordingTaskAndGoesOnWithTheRecordedVideo() throws Exception {
        Instant stepDue = NOW.plus(Duration.ofHours(24));

        VideoRequests.Answer answer = steps.request(request("run-1", "5001", "Ann", stepDue));

        assertThat(answer).isInstanceOf(VideoRequests.Answer.Pending.class);
        RecordingTask task = tasks.findByOrder(SHOP, "5001").orElseThrow();
        assertThat(task.firstName()).hasValue("Ann");
        assertThat(task.shopperRef()).isEqualTo("customer:7");
        assertThat(task.dueAt()).as("two fallback intervals before the step stops waiting")
                .isEqualTo(stepDue.minus(Duration.ofMinutes(2)));
        assertThat(resumed).isEmpty();

        TaskResolution.Recorded recorded = tasks.complete(SHOP, task.id(), readyVideo());
        VideoLinkTargets.TaskLink link = links.forTask(recorded).orElseThrow();
        steps.taskLinked(recorded.task(), link);

        assertThat(resumed).containsExactly("shop-1 run-1 https://beckon.example/v/" + link.token());
    }

    @Test
    void whenNobodyRecordsTheFallbackTimerHandsTheShopsFallbackToTheWaitingRun() throws Exception {
        tasks.setFallbackVideo(SHOP, readyVideo());
        steps.request(request("run-1", "5001", "Ann", NOW.plusSeconds(60)));
        assertThat(tasks.findByOrder(SHOP, "5001").orElseThrow().dueAt()).as("never before now").isEqualTo(NOW);

        assertThat(startup.resolveDue()).isEqualTo(1);

        String token = links.ofTask(tasks.findByOrder(SHOP, "5001").orElseThrow()).orElseThrow().token();
        assertThat(resumed).containsExactly("shop-1 run-1 https://beckon.example/v/" + token);
    }

    @Test
    void aRequestTheVideoSideCannotTakeLetsTheRunGoOnWithoutAVideo() {
        VideoRequests.Answer answer = steps.request(request("run-1", "x".repeat(65), "Ann", NOW.plusSeconds(60)));

        assertThat(answer).isEqualTo(new VideoRequests.Answer.Ready(null));
        assertThat(tasks.open(SHOP, 10)).isEmpty();
    }

    private static VideoRequests.Request request(String runId, String orderId, String firstName, Instant due) {
        return new VideoRequests.Request(SHOP, "thank-you", runId, "thank-you-video", "customer:7", due, orderId,
                firstName);
    }

    private VideoId readyVideo() {
        SecureRandom random = new SecureRandom();
        VideoId id = VideoId.random();
        videos.insertUploaded(id, SHOP, VideoContainer.MP4, StorageKey.random(random), 1000, "0".repeat(64), null);
        videos.transition(SHOP, id, dev.beckon.video.library.VideoState.UPLOADED,
                dev.beckon.video.library.VideoState.TRANSCODING, null);
        assertThat(videos.markReady(SHOP, id, StorageKey.random(random), StorageKey.random(random),
                StorageKey.random(random), null)).isTrue();
        return id;
    }

    /** Local storage in the test folder (nothing is stored: the videos above have no files). */
    private static final class LocalFileStorageStub {
        final LocalFileStorage storage;

        LocalFileStorageStub(Path dir) throws RuntimeException {
            try {
                storage = LocalFileStorage.at(dir.resolve("store"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
