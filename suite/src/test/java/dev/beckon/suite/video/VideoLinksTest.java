package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.TestDatabases;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback timer's work on H2: a task past due in a shop with a ready fallback video is settled and the
 * fallback is linked for its order (with the task's first name and order id) exactly once; an erasure removes the
 * link and the task.
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

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        VideoSchema.migrate(dataSource);
        SuiteVideoSchema.migrate(dataSource);
        Transactions transactions = new Transactions(dataSource);
        videos = new JdbcVideoStore(transactions, clock);
        linkStore = new JdbcVideoLinkStore(transactions);
        JdbcShopVideoSettings shopSettings = new JdbcShopVideoSettings(transactions, clock);
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
        startup = new VideoStartup();
        startup.tasks = tasks;
        startup.links = links;
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
