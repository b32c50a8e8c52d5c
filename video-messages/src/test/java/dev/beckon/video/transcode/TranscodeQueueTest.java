package dev.beckon.video.transcode;

import dev.beckon.video.upload.VideoContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TranscodeQueueTest {

    @TempDir
    Path dir;

    private final List<List<String>> ran = new CopyOnWriteArrayList<>();
    private TranscodeQueue queue;

    @AfterEach
    void close() {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void runsEveryStepInOrderAndReturnsTheOutputs() {
        queue = new TranscodeQueue(writingOutputs(), 1, 4, Duration.ofSeconds(30));
        TranscodeJob job = threeSteps();
        List<TranscodeResult> results = new CopyOnWriteArrayList<>();

        assertThat(queue.submit(job, results::add)).isEqualTo(TranscodeQueue.Admission.QUEUED);

        await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 1);
        assertThat(results.get(0)).isEqualTo(new TranscodeResult.Done(
                List.of(dir.resolve("web.mp4"), dir.resolve("poster.jpg"), dir.resolve("preview.gif"))));
        assertThat(ran).extracting(args -> args.get(args.size() - 1))
                .containsExactly(dir.resolve("web.mp4").toString(), dir.resolve("poster.jpg").toString(),
                        dir.resolve("preview.gif").toString());
    }

    @Test
    void aFailingStepStopsTheJobAndItsStderrTailIsTheReason() {
        queue = new TranscodeQueue((command, timeout) -> {
            ran.add(command);
            return new ProcessRunner.Exited(1, "", "Input #0, mov,mp4\n" + dir + "/original: Invalid data found when "
                    + "processing input");
        }, 1, 4, Duration.ofSeconds(30));

        TranscodeResult result = queue.runNow(threeSteps());

        assertThat(result).isEqualTo(new TranscodeResult.Failed("mp4: ffmpeg exited with 1: Input #0, mov,mp4\n"
                + dir + "/original: Invalid data found when processing input"));
        assertThat(ran).hasSize(1);
    }

    @Test
    void aVeryLongStderrIsCutToItsTail() {
        String noise = "x".repeat(5000) + "the real error";
        queue = new TranscodeQueue((command, timeout) -> new ProcessRunner.Exited(1, "", noise), 1, 4,
                Duration.ofSeconds(30));

        TranscodeResult.Failed failed = (TranscodeResult.Failed) queue.runNow(threeSteps());

        assertThat(failed.reason()).endsWith("the real error").hasSizeLessThan(700);
    }

    @Test
    void exitZeroWithoutAnOutputFileIsAFailure() {
        queue = new TranscodeQueue((command, timeout) -> new ProcessRunner.Exited(0, "", ""), 1, 4,
                Duration.ofSeconds(30));

        assertThat(queue.runNow(threeSteps()))
                .isEqualTo(new TranscodeResult.Failed("mp4: ffmpeg exited with 0 but wrote no output"));
    }

    @Test
    void aKilledStepIsTimedOutAndItsPartialOutputIsRemoved() throws IOException {
        Files.writeString(dir.resolve("web.mp4"), "partial");
        queue = new TranscodeQueue((command, timeout) -> new ProcessRunner.Killed(timeout, "frame=  100"), 1, 4,
                Duration.ofSeconds(45));

        assertThat(queue.runNow(threeSteps())).isEqualTo(new TranscodeResult.TimedOut("mp4", Duration.ofSeconds(45)));
        assertThat(dir.resolve("web.mp4")).doesNotExist();
    }

    @Test
    void aBinaryThatCannotStartIsAFailure() {
        queue = new TranscodeQueue((command, timeout) -> {
            throw new IOException("No such file or directory");
        }, 1, 4, Duration.ofSeconds(30));

        assertThat(queue.runNow(threeSteps()))
                .isEqualTo(new TranscodeResult.Failed("mp4: ffmpeg could not be started: No such file or directory"));
    }

    @Test
    void theQueueIsBoundedAndRefusesWhatDoesNotFit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProcessRunner blocking = (command, timeout) -> {
            started.countDown();
            release.await();
            return writingOutputs().run(command, timeout);
        };
        queue = new TranscodeQueue(blocking, 1, 1, Duration.ofSeconds(30));
        List<TranscodeResult> results = new CopyOnWriteArrayList<>();

        assertThat(queue.submit(threeSteps(), results::add)).isEqualTo(TranscodeQueue.Admission.QUEUED);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.submit(threeSteps(), results::add)).isEqualTo(TranscodeQueue.Admission.QUEUED);
        assertThat(queue.submit(threeSteps(), results::add)).isEqualTo(TranscodeQueue.Admission.QUEUE_FULL);
        assertThat(queue.refusedCount()).isEqualTo(1);
        assertThat(queue.waiting()).isEqualTo(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 2);
        assertThat(results).allMatch(r -> r instanceof TranscodeResult.Done);
    }

    @Test
    void aThrowingCallbackDoesNotStopTheWorker() {
        queue = new TranscodeQueue(writingOutputs(), 1, 4, Duration.ofSeconds(30));
        List<TranscodeResult> results = new CopyOnWriteArrayList<>();

        queue.submit(threeSteps(), r -> {
            throw new IllegalStateException("callback bug");
        });
        queue.submit(threeSteps(), results::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 1);
    }

    @Test
    void aClosedQueueSaysSo() {
        queue = new TranscodeQueue(writingOutputs(), 1, 4, Duration.ofSeconds(30));
        queue.close();

        assertThat(queue.submit(threeSteps(), r -> { })).isEqualTo(TranscodeQueue.Admission.SHUT_DOWN);
    }

    private TranscodeJob threeSteps() {
        FfmpegCommand.Builder commands = FfmpegCommand.using(Path.of("/usr/bin/ffmpeg"), Duration.ofMinutes(10));
        Path mp4 = dir.resolve("web.mp4");
        return new TranscodeJob("video-1", List.of(
                commands.webSafeMp4(dir.resolve("original"), VideoContainer.MP4, mp4, Duration.ofMinutes(3)),
                commands.poster(mp4, dir.resolve("poster.jpg"), Duration.ofSeconds(1)),
                commands.previewGif(mp4, dir.resolve("preview.gif"))));
    }

    /** A fake ffmpeg: records the command and writes a few bytes to its output (the last argument). */
    private ProcessRunner writingOutputs() {
        return (command, timeout) -> {
            ran.add(command);
            try {
                Files.writeString(Path.of(command.get(command.size() - 1)), "media");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ProcessRunner.Exited(0, "", "");
        };
    }
}
