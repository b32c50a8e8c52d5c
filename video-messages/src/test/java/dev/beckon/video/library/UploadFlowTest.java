package dev.beckon.video.library;

import dev.beckon.api.testing.TestDatabases;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.model.ShopId;
import dev.beckon.video.TinyMp4;
import dev.beckon.video.metadata.VideoLimits;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.PutOutcome;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.ProcessRunner;
import dev.beckon.video.transcode.TranscodeQueue;
import dev.beckon.video.upload.VideoContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole upload flow on H2 and local storage, with a fake ffmpeg that writes its outputs. */
class UploadFlowTest {

    private static final ShopId SHOP = new ShopId("shop-1");
    private static final Ffmpeg FFMPEG = new Ffmpeg.Available(Path.of("/usr/bin/ffmpeg"), Optional.empty(), "test");
    private static final VideoLimits LIMITS = new VideoLimits(Duration.ofMinutes(3), VideoLimits.UHD_PIXELS);

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private LocalFileStorage storage;
    private JdbcVideoStore videos;
    private TranscodeQueue queue;
    private byte[] transcodedMp4 = TinyMp4.video().size(1280, 720).duration(Duration.ofSeconds(20)).bytes();

    @BeforeEach
    void setUp() throws IOException {
        storage = LocalFileStorage.at(root.resolve("store"));
        var dataSource = TestDatabases.h2();
        VideoSchema.migrate(dataSource);
        videos = new JdbcVideoStore(new Transactions(dataSource), clock);
    }

    @AfterEach
    void tearDown() {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void anMp4IsStoredProbedRecordedAndTranscodedToReady() throws IOException {
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);
        byte[] upload = TinyMp4.video().size(1920, 1080).duration(Duration.ofSeconds(20)).bytes();

        UploadOutcome outcome = flow.accept(SHOP, new ByteArrayInputStream(upload));

        assertThat(outcome).isInstanceOf(UploadOutcome.Accepted.class);
        Video accepted = ((UploadOutcome.Accepted) outcome).video();
        assertThat(accepted.state()).isIn(VideoState.TRANSCODING, VideoState.READY);
        assertThat(accepted.width()).contains(1920);
        assertThat(accepted.duration()).contains(Duration.ofSeconds(20));
        assertThat(accepted.originalBytes()).isEqualTo(upload.length);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> videos.find(SHOP, accepted.id()).orElseThrow().state() == VideoState.READY);
        Video ready = videos.find(SHOP, accepted.id()).orElseThrow();
        assertThat(ready.width()).as("metadata of the web-safe MP4").contains(1280);
        assertThat(ready.height()).contains(720);
        assertThat(bytesOf(ready.mp4().orElseThrow())).isEqualTo(transcodedMp4);
        assertThat(bytesOf(ready.poster().orElseThrow())).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(bytesOf(ready.gif().orElseThrow())).startsWith("GIF89a".getBytes(StandardCharsets.US_ASCII));
        assertThat(bytesOf(ready.original())).isEqualTo(upload);
        await().atMost(Duration.ofSeconds(5)).until(() -> isEmpty(root.resolve("work")));
    }

    @Test
    void anUploadOverTheCapIsRefusedAndNothingIsKept() throws IOException {
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 100);

        UploadOutcome outcome = flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().bytes()));

        assertThat(outcome).isEqualTo(new UploadOutcome.TooLarge(100));
        assertNothingKept();
    }

    @Test
    void somethingThatIsNotAVideoIsRefusedAndDeleted() throws IOException {
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);

        UploadOutcome outcome = flow.accept(SHOP, new ByteArrayInputStream("#EXTM3U\nhttp://evil/\n".getBytes()));

        assertThat(outcome).isEqualTo(new UploadOutcome.Unsupported("the file is text, not a video"));
        assertNothingKept();
    }

    @Test
    void aTwoHourVideoIsRejectedClearlyAndDeleted() throws IOException {
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);

        UploadOutcome outcome = flow.accept(SHOP,
                new ByteArrayInputStream(TinyMp4.video().duration(Duration.ofHours(2)).bytes()));

        assertThat(outcome).isEqualTo(new UploadOutcome.Rejected("the video is 2:00:00 long; at most 3:00 is allowed"));
        assertNothingKept();
    }

    @Test
    void anMp4WithoutAVideoTrackIsRejected() throws IOException {
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);

        UploadOutcome outcome = flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().handler("soun").bytes()));

        assertThat(outcome).isEqualTo(new UploadOutcome.Rejected("the file has no video track"));
        assertNothingKept();
    }

    @Test
    void withoutFfmpegTheVideoIsKeptAsUploadedWithTheReason() throws IOException {
        UploadFlow flow = flow(fakeFfmpeg(), new Ffmpeg.Missing("ffmpeg is not on the PATH"), 4, 1000);

        Video video = ((UploadOutcome.Accepted) flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().bytes())))
                .video();

        assertThat(video.state()).isEqualTo(VideoState.UPLOADED);
        assertThat(video.reason()).contains("not transcoded: ffmpeg is not on the PATH");
        assertThat(storage.exists(video.original())).isTrue();
        assertThat(isEmpty(root.resolve("work"))).isTrue();
    }

    @Test
    void aFailedTranscodeMarksTheVideoFailedWithFfmpegsReason() throws IOException {
        ProcessRunner failing = (command, timeout) ->
                new ProcessRunner.Exited(1, "", "original: Invalid data found when processing input");
        UploadFlow flow = flow(failing, FFMPEG, 4, 1000);

        Video video = ((UploadOutcome.Accepted) flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().bytes())))
                .video();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> videos.find(SHOP, video.id()).orElseThrow().state() == VideoState.FAILED);
        assertThat(videos.find(SHOP, video.id()).orElseThrow().reason()).contains(
                "transcoding failed: mp4: ffmpeg exited with 1: original: Invalid data found when processing input");
    }

    @Test
    void aTimedOutTranscodeSaysSo() throws IOException {
        UploadFlow flow = flow((command, timeout) -> new ProcessRunner.Killed(timeout, ""), FFMPEG, 4, 1000);

        Video video = ((UploadOutcome.Accepted) flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().bytes())))
                .video();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> videos.find(SHOP, video.id()).orElseThrow().state() == VideoState.FAILED);
        assertThat(videos.find(SHOP, video.id()).orElseThrow().reason())
                .contains("transcoding (mp4) took longer than 60 s and was stopped");
    }

    @Test
    void aWebmIsCheckedAgainstTheLimitsAfterTheTranscode() throws IOException {
        transcodedMp4 = TinyMp4.video().duration(Duration.ofMinutes(4)).bytes();
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);
        byte[] webm = TinyMp4.concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x87, 0x42, (byte) 0x82,
                (byte) 0x84, 'w', 'e', 'b', 'm'}, new byte[200]);

        Video video = ((UploadOutcome.Accepted) flow.accept(SHOP, new ByteArrayInputStream(webm))).video();

        assertThat(video.duration()).as("not known before the transcode").isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> videos.find(SHOP, video.id()).orElseThrow().state() == VideoState.FAILED);
        assertThat(videos.find(SHOP, video.id()).orElseThrow().reason())
                .contains("the video is 4:00 long; at most 3:00 is allowed");
    }

    @Test
    void whenTheQueueIsFullTheVideoStaysUploadedWithTheReason() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProcessRunner fake = fakeFfmpeg();
        CountDownLatch started = new CountDownLatch(1);
        ProcessRunner blocking = (command, timeout) -> {
            started.countDown();
            release.await();
            return fake.run(command, timeout);
        };
        UploadFlow flow = flow(blocking, FFMPEG, 1, 1000);
        try {
            flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().bytes()));
            started.await();
            flow.accept(SHOP, new ByteArrayInputStream(TinyMp4.video().bytes()));

            Video third = ((UploadOutcome.Accepted) flow.accept(SHOP,
                    new ByteArrayInputStream(TinyMp4.video().bytes()))).video();

            assertThat(third.state()).isEqualTo(VideoState.UPLOADED);
            assertThat(third.reason()).contains("not transcoded yet: the transcode queue is full");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> videos.list(SHOP, 10).stream()
                .noneMatch(v -> v.state() == VideoState.TRANSCODING));
        assertThat(videos.list(SHOP, 10)).extracting(Video::state)
                .containsExactlyInAnyOrder(VideoState.READY, VideoState.READY, VideoState.UPLOADED);
    }

    @Test
    void aVideoLeftTranscodingByARestartIsQueuedOnceAgainAndItsPartialOutputIsReplaced() throws Exception {
        byte[] upload = TinyMp4.video().bytes();
        VideoId id = storedBeforeTheRestart(upload, VideoState.TRANSCODING);
        Path scratch = root.resolve("work").resolve(id.toString());
        Files.createDirectories(scratch);
        Files.write(scratch.resolve("web.mp4"), "half an encode from before the restart".getBytes());
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> scratchAtEachStep = new CopyOnWriteArrayList<>();
        ProcessRunner fake = fakeFfmpeg();
        UploadFlow flow = flow((command, timeout) -> {
            try (Stream<Path> files = Files.list(scratch)) {
                scratchAtEachStep.add(files.map(f -> f.getFileName().toString()).sorted().toList());
            }
            release.await();
            return fake.run(command, timeout);
        }, FFMPEG, 4, 1000);

        UploadFlow.Requeued first = flow.requeueUnfinished(100);
        UploadFlow.Requeued again = flow.requeueUnfinished(100);
        release.countDown();

        assertThat(first).isEqualTo(new UploadFlow.Requeued(1, 0, 0));
        assertThat(again).as("still in flight: not queued twice").isEqualTo(new UploadFlow.Requeued(0, 0, 0));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> videos.find(SHOP, id).orElseThrow().state() == VideoState.READY);
        assertThat(bytesOf(videos.find(SHOP, id).orElseThrow().mp4().orElseThrow())).isEqualTo(transcodedMp4);
        assertThat(scratchAtEachStep.get(0)).as("the partial output was removed before ffmpeg ran")
                .containsExactly("original");
        assertThat(scratchAtEachStep).hasSize(3);
        assertThat(flow.requeueUnfinished(100)).isEqualTo(new UploadFlow.Requeued(0, 0, 0));
    }

    @Test
    void aVideoLeftUploadedBecauseTheQueueWasFullIsQueuedOnTheNextCall() throws IOException {
        VideoId id = storedBeforeTheRestart(TinyMp4.video().bytes(), VideoState.UPLOADED);
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);

        assertThat(flow.requeueUnfinished(100)).isEqualTo(new UploadFlow.Requeued(1, 0, 0));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> videos.find(SHOP, id).orElseThrow().state() == VideoState.READY);
    }

    @Test
    void withoutFfmpegARestartLeavesTheVideoUploadedWithTheReason() throws IOException {
        VideoId id = storedBeforeTheRestart(TinyMp4.video().bytes(), VideoState.TRANSCODING);
        UploadFlow flow = flow(fakeFfmpeg(), new Ffmpeg.Missing("ffmpeg is not on the PATH"), 4, 1000);

        assertThat(flow.requeueUnfinished(100)).isEqualTo(new UploadFlow.Requeued(0, 1, 0));

        Video video = videos.find(SHOP, id).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.UPLOADED);
        assertThat(video.reason()).contains("not transcoded: ffmpeg is not on the PATH");
    }

    @Test
    void aVideoWhoseOriginalVanishedFailsWithTheReasonInsteadOfLoopingForever() throws IOException {
        VideoId id = storedBeforeTheRestart(TinyMp4.video().bytes(), VideoState.TRANSCODING);
        storage.delete(videos.find(SHOP, id).orElseThrow().original());
        UploadFlow flow = flow(fakeFfmpeg(), FFMPEG, 4, 1000);

        assertThat(flow.requeueUnfinished(100)).isEqualTo(new UploadFlow.Requeued(0, 0, 1));

        Video video = videos.find(SHOP, id).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.FAILED);
        assertThat(video.reason()).contains("the uploaded original is missing from storage");
        assertThat(flow.requeueUnfinished(100)).isEqualTo(new UploadFlow.Requeued(0, 0, 0));
    }

    /** What an instance that died mid-way left behind: the original in storage, the row in {@code state}. */
    private VideoId storedBeforeTheRestart(byte[] upload, VideoState state) throws IOException {
        StorageKey original = ((PutOutcome.Stored) storage.put(new ByteArrayInputStream(upload), 1000)).key();
        VideoId id = VideoId.random();
        videos.insertUploaded(id, SHOP, VideoContainer.MP4, original, upload.length, "a".repeat(64), null);
        if (state != VideoState.UPLOADED) {
            videos.transition(SHOP, id, VideoState.UPLOADED, state, null);
        }
        return id;
    }

    private UploadFlow flow(ProcessRunner runner, Ffmpeg ffmpeg, int capacity, long cap) {
        queue = new TranscodeQueue(runner, 1, capacity, Duration.ofSeconds(60));
        return new UploadFlow(storage, videos, queue, ffmpeg, root.resolve("work"), cap, LIMITS,
                Duration.ofMinutes(5));
    }

    /** Writes a plausible file to each command's output (the last argument), by its extension. */
    private ProcessRunner fakeFfmpeg() {
        return (command, timeout) -> {
            Path output = Path.of(command.get(command.size() - 1));
            String name = output.getFileName().toString();
            byte[] bytes = name.endsWith(".mp4") ? transcodedMp4
                    : name.endsWith(".jpg") ? new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}
                    : "GIF89a....".getBytes(StandardCharsets.US_ASCII);
            try {
                Files.write(output, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ProcessRunner.Exited(0, "", "");
        };
    }

    private byte[] bytesOf(StorageKey key) throws IOException {
        try (var slice = storage.open(key).orElseThrow();
             var in = java.nio.channels.Channels.newInputStream(slice.channel())) {
            return in.readAllBytes();
        }
    }

    private void assertNothingKept() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("store"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
        assertThat(isEmpty(root.resolve("work"))).isTrue();
        assertThat(videos.list(SHOP, 10)).isEmpty();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
