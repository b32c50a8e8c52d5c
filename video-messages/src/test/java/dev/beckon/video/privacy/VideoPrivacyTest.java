package dev.beckon.video.privacy;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.video.TinyMp4;
import dev.beckon.video.VideoFixtures;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.JdbcViewEventStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.UserAgentClass;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.library.VideoSchema;
import dev.beckon.video.library.ViewEventKind;
import dev.beckon.video.links.IssuedLink;
import dev.beckon.video.links.LinkTokens;
import dev.beckon.video.links.TokenCheck;
import dev.beckon.video.personalise.Render;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.personalise.RenderState;
import dev.beckon.video.recording.RecordingTask;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.ProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Erasure and revocation across the module's tables and storage (H2, local files, a fake ffmpeg). */
class VideoPrivacyTest {

    private static final ShopId SHOP = new ShopId("shop-1");
    private static final ShopId OTHER_SHOP = new ShopId("shop-2");

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SecureRandom random = new SecureRandom();
    private JdbcVideoStore videos;
    private JdbcVideoLinkStore links;
    private JdbcViewEventStore events;
    private RecordingTasks tasks;
    private RenderQueue renders;
    private LocalFileStorage storage;
    private VideoPrivacy privacy;

    @BeforeEach
    void setUp() throws IOException {
        DataSource dataSource = TestDatabases.h2();
        VideoSchema.migrate(dataSource);
        Transactions transactions = new Transactions(dataSource);
        videos = new JdbcVideoStore(transactions, clock);
        links = new JdbcVideoLinkStore(transactions);
        events = new JdbcViewEventStore(transactions);
        JdbcShopVideoSettings settings = new JdbcShopVideoSettings(transactions, clock);
        tasks = new RecordingTasks(transactions, videos, settings, clock);
        storage = LocalFileStorage.at(root.resolve("store"));
        byte[] rendered = TinyMp4.video().bytes();
        ProcessRunner fakeFfmpeg = (command, timeout) -> {
            try {
                Files.write(Path.of(command.get(command.size() - 1)), rendered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ProcessRunner.Exited(0, "", "");
        };
        renders = new RenderQueue(transactions, videos, settings, storage, fakeFfmpeg,
                new Ffmpeg.Available(Path.of("/usr/bin/ffmpeg"), Optional.empty(), "test"),
                new RenderQueue.Limits(root.resolve("work"), Path.of("/usr/share/fonts/truetype/dejavu/x.ttf"), 1, 8,
                        Duration.ofSeconds(30), Duration.ofMinutes(1)), clock);
        privacy = new VideoPrivacy(videos, links, tasks, renders, storage, clock);
    }

    @AfterEach
    void tearDown() {
        renders.close();
    }

    @Test
    void erasingAShopperDeletesTheirRendersRecordingsLinksEventsAndTasksButNotTheShopsClips() throws Exception {
        Video template = stored(SHOP);
        renders.setTemplateVideo(SHOP, template.id());
        Video fallback = stored(SHOP);
        tasks.setFallbackVideo(SHOP, fallback.id());
        // Anna: a recorded order, a fallback order, a burned-in render, links with events
        RecordingTask recordedTask = tasks.createTask(SHOP, "1001", "cust-anna", "Anna", clock.instant().plusSeconds(60));
        Video recording = stored(SHOP);
        tasks.complete(SHOP, recordedTask.id(), recording.id());
        tasks.createTask(SHOP, "1002", "cust-anna", "Anna", clock.instant().plusSeconds(60));
        clock.advance(Duration.ofMinutes(5));
        assertThat(tasks.dueFallbacks(clock.instant(), 10)).hasSize(1);
        Render annasRender = ready(renders.request(SHOP, "cust-anna", "Anna"));
        VideoLink recordedLink = link(recording, "1001", null);
        VideoLink fallbackLink = link(fallback, "1002", null);
        VideoLink renderLink = link(template, null, "cust-anna");
        events.record(recordedLink, ViewEventKind.PLAY, clock.instant(), UserAgentClass.MOBILE);
        events.record(recordedLink, ViewEventKind.PROGRESS_25, clock.instant(), UserAgentClass.MOBILE);
        events.record(fallbackLink, ViewEventKind.PLAY, clock.instant(), UserAgentClass.DESKTOP);
        events.record(renderLink, ViewEventKind.PLAY, clock.instant(), UserAgentClass.DESKTOP);
        // Ben, same shop, and a shopper of the same reference in another shop: untouched
        Render bensRender = ready(renders.request(SHOP, "cust-ben", "Ben"));
        VideoLink bensLink = link(fallback, "2001", "cust-ben");
        tasks.createTask(OTHER_SHOP, "1001", "cust-anna", "Anna", clock.instant().plusSeconds(60));
        List<StorageKey> annasFiles = List.of(recording.original(), recording.mp4().orElseThrow(),
                recording.poster().orElseThrow(), recording.gif().orElseThrow(), annasRender.output().orElseThrow());

        VideoPrivacy.Erased erased = privacy.eraseShopper(SHOP, "cust-anna");

        assertThat(erased).isEqualTo(new VideoPrivacy.Erased(1, 1, 4, 3, 4, 2));
        for (StorageKey key : annasFiles) {
            assertThat(storage.exists(key)).as("file %s is gone from storage", key).isFalse();
        }
        assertThat(videos.find(SHOP, recording.id())).isEmpty();
        assertThat(renders.find(SHOP, annasRender.id())).isEmpty();
        assertThat(tasks.findForShopper(SHOP, "cust-anna")).isEmpty();
        assertThat(links.findByToken(token(recordedLink))).isEmpty();
        assertThat(links.findByToken(token(renderLink))).isEmpty();
        assertThat(links.findByToken(token(fallbackLink))).isEmpty();
        // the shop's clips and other shoppers stay
        assertThat(storage.exists(fallback.mp4().orElseThrow())).isTrue();
        assertThat(storage.exists(template.mp4().orElseThrow())).isTrue();
        assertThat(renders.find(SHOP, bensRender.id())).isPresent();
        assertThat(storage.exists(bensRender.output().orElseThrow())).isTrue();
        assertThat(links.findByToken(token(bensLink))).isPresent();
        assertThat(tasks.findForShopper(OTHER_SHOP, "cust-anna")).hasSize(1);
        assertThat(privacy.eraseShopper(SHOP, "cust-anna")).as("idempotent")
                .isEqualTo(new VideoPrivacy.Erased(0, 0, 0, 0, 0, 0));
        assertThat(countFiles()).isEqualTo(4 + 4 + 1); // template, fallback, Ben's render
    }

    @Test
    void orderIdsFromThePlatformReachLinksMadeWithoutATask() throws Exception {
        Video fallback = stored(SHOP);
        VideoLink link = link(fallback, "3001", null);

        VideoPrivacy.Erased erased = privacy.eraseShopper(SHOP, "cust-zed", List.of("3001"));

        assertThat(erased.links()).isEqualTo(1);
        assertThat(links.findByToken(token(link))).isEmpty();
    }

    @Test
    void aBlankShopperReferenceIsRefused() {
        VideoRequestException e = assertThrows(VideoRequestException.class, () -> privacy.eraseShopper(SHOP, " "));
        assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT);
    }

    @Test
    void aRevokedLinkStopsWorkingAtOnceAndOnlyItsShopCanRevokeIt() throws Exception {
        VideoLink link = link(stored(SHOP), "1001", null);
        String linkId = link.token().tokenHash();

        VideoRequestException otherShop = assertThrows(VideoRequestException.class,
                () -> privacy.revokeLink(OTHER_SHOP, linkId));
        assertThat(otherShop.problem()).isEqualTo(Problem.NOT_FOUND);
        assertThat(links.findByToken(token(link)).orElseThrow().token().checkAt(clock.instant()))
                .isInstanceOf(TokenCheck.Valid.class);

        clock.advance(Duration.ofMinutes(1));
        privacy.revokeLink(SHOP, linkId);

        assertThat(links.findByToken(token(link)).orElseThrow().token().checkAt(clock.instant()))
                .isEqualTo(new TokenCheck.Revoked(clock.instant()));
        VideoRequestException malformed = assertThrows(VideoRequestException.class,
                () -> privacy.revokeLink(SHOP, "../../etc"));
        assertThat(malformed.problem()).isEqualTo(Problem.INVALID_INPUT);
    }

    private final java.util.Map<VideoLink, String> tokens = new java.util.HashMap<>();

    private VideoLink link(Video video, String orderId, String shopperRef) {
        IssuedLink issued = LinkTokens.mint(clock.instant(), Duration.ofDays(90), random);
        VideoLink link = new VideoLink(issued.record(), video.id(), video.shop(), Optional.of("Anna"),
                Optional.ofNullable(orderId));
        links.insert(link, shopperRef);
        tokens.put(link, issued.token());
        return link;
    }

    private String token(VideoLink link) {
        return tokens.get(link);
    }

    private Video stored(ShopId shop) throws IOException {
        Path clip = root.resolve("clip-" + random.nextInt(1_000_000) + ".mp4");
        Files.write(clip, TinyMp4.video().bytes());
        return VideoFixtures.stored(videos, storage, shop, clip);
    }

    private Render ready(Render render) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> renders.find(SHOP, render.id()).orElseThrow().state() == RenderState.READY);
        return renders.find(SHOP, render.id()).orElseThrow();
    }

    private long countFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("store").resolve("objects"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
