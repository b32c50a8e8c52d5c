package dev.beckon.video.recording;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.video.VideoFixtures;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoSchema;
import dev.beckon.video.library.VideoState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Recording tasks with a clock the test moves, on every database the suite supports. */
abstract class RecordingTasksContract {

    static final ShopId SHOP = new ShopId("shop-1");
    static final ShopId OTHER_SHOP = new ShopId("shop-2");
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DUE = START.plus(Duration.ofHours(24));

    final MutableClock clock = new MutableClock(START);
    JdbcVideoStore videos;
    RecordingTasks tasks;

    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        DataSource dataSource = dataSource();
        VideoSchema.migrate(dataSource);
        Transactions transactions = new Transactions(dataSource);
        videos = new JdbcVideoStore(transactions, clock);
        tasks = new RecordingTasks(transactions, videos, new JdbcShopVideoSettings(transactions, clock), clock);
    }

    @Test
    void aTaskIsCreatedOncePerShopAndOrder() throws VideoRequestException {
        RecordingTask first = tasks.createTask(SHOP, "1001", "cust-7", " Anna ", DUE);
        RecordingTask again = tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE.plusSeconds(3600));
        RecordingTask otherShop = tasks.createTask(OTHER_SHOP, "1001", "cust-9", null, DUE);

        assertThat(again).as("a redelivered journey step gets the first task, unchanged").isEqualTo(first);
        assertThat(first.state()).isEqualTo(TaskState.OPEN);
        assertThat(first.firstName()).contains("Anna");
        assertThat(first.dueAt()).isEqualTo(DUE);
        assertThat(otherShop.id()).isNotEqualTo(first.id());
        assertThat(tasks.open(SHOP, 10)).containsExactly(first);
        assertThat(tasks.find(OTHER_SHOP, first.id())).as("another shop cannot see it").isEmpty();
    }

    @Test
    void badInputIsRefusedWithAClearReason() {
        assertProblem(Problem.INVALID_INPUT, "order id is required",
                () -> tasks.createTask(SHOP, " ", "cust-7", null, DUE));
        assertProblem(Problem.INVALID_INPUT, "order id is longer than 64 characters",
                () -> tasks.createTask(SHOP, "9".repeat(65), "cust-7", null, DUE));
        assertProblem(Problem.INVALID_INPUT, "shopper reference is required",
                () -> tasks.createTask(SHOP, "1001", null, null, DUE));
        assertProblem(Problem.INVALID_INPUT, "first name is longer than 200 characters",
                () -> tasks.createTask(SHOP, "1001", "cust-7", "A".repeat(201), DUE));
        assertProblem(Problem.INVALID_INPUT, "a due time is required",
                () -> tasks.createTask(SHOP, "1001", "cust-7", "Anna", null));
    }

    @Test
    void staffRecordingTheVideoResolvesTheTaskWithIt() throws VideoRequestException {
        RecordingTask task = tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE);
        Video recorded = VideoFixtures.video(videos, SHOP, VideoState.TRANSCODING);
        clock.advance(Duration.ofHours(2));

        TaskResolution.Recorded resolution = tasks.complete(SHOP, task.id(), recorded.id());

        assertThat(resolution.videoToLink()).contains(recorded.id());
        assertThat(resolution.task().state()).isEqualTo(TaskState.RECORDED);
        assertThat(resolution.task().resolvedAt()).contains(START.plus(Duration.ofHours(2)));
        assertThat(tasks.complete(SHOP, task.id(), recorded.id())).as("completing twice is harmless")
                .isEqualTo(resolution);
        assertThat(tasks.open(SHOP, 10)).isEmpty();
        clock.set(DUE.plusSeconds(1));
        assertThat(tasks.dueFallbacks(clock.instant(), 10)).as("a recorded task never falls back").isEmpty();
    }

    @Test
    void completingIsRefusedClearlyWhenItCannotBeDone() throws VideoRequestException {
        RecordingTask task = tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE);
        Video ready = VideoFixtures.video(videos, SHOP, VideoState.READY);
        Video failed = VideoFixtures.video(videos, SHOP, VideoState.FAILED);
        Video otherShops = VideoFixtures.video(videos, OTHER_SHOP, VideoState.READY);

        assertProblem(Problem.NOT_FOUND, "no recording task", () -> tasks.complete(OTHER_SHOP, task.id(), ready.id()));
        assertProblem(Problem.NOT_FOUND, "no video " + otherShops.id() + " in this shop",
                () -> tasks.complete(SHOP, task.id(), otherShops.id()));
        assertProblem(Problem.UNUSABLE, "the recorded video cannot be used: broken file",
                () -> tasks.complete(SHOP, task.id(), failed.id()));
        tasks.complete(SHOP, task.id(), ready.id());
        Video another = VideoFixtures.video(videos, SHOP, VideoState.READY);
        assertProblem(Problem.CONFLICT, "this order's video was already recorded",
                () -> tasks.complete(SHOP, task.id(), another.id()));
    }

    @Test
    void pastItsDueTimeAnUnrecordedTaskGetsTheShopsFallbackOnce() throws VideoRequestException {
        Video fallback = VideoFixtures.video(videos, SHOP, VideoState.READY);
        tasks.setFallbackVideo(SHOP, fallback.id());
        RecordingTask task = tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE);
        tasks.createTask(SHOP, "1002", "cust-8", "Ben", DUE.plus(Duration.ofHours(1)));

        clock.set(DUE.minusSeconds(1));
        assertThat(tasks.dueFallbacks(clock.instant(), 10)).as("not due yet").isEmpty();
        clock.set(DUE);
        var resolutions = tasks.dueFallbacks(clock.instant(), 10);

        assertThat(resolutions).hasSize(1);
        assertThat(resolutions.get(0)).isInstanceOf(TaskResolution.Fallback.class);
        assertThat(resolutions.get(0).task().orderId()).isEqualTo("1001");
        assertThat(resolutions.get(0).task().state()).isEqualTo(TaskState.FALLBACK);
        assertThat(resolutions.get(0).videoToLink()).contains(fallback.id());
        assertThat(tasks.dueFallbacks(clock.instant(), 10)).as("settled exactly once").isEmpty();
        Video late = VideoFixtures.video(videos, SHOP, VideoState.READY);
        assertProblem(Problem.CONFLICT, "too late: the shop's fallback video was already sent for this order",
                () -> tasks.complete(SHOP, task.id(), late.id()));
    }

    @Test
    void aRecordingAfterTheDueTimeButBeforeTheFallbackWentOutStillCounts() throws VideoRequestException {
        tasks.setFallbackVideo(SHOP, VideoFixtures.video(videos, SHOP, VideoState.READY).id());
        RecordingTask task = tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE);
        Video recorded = VideoFixtures.video(videos, SHOP, VideoState.READY);
        clock.set(DUE.plusSeconds(30));

        assertThat(tasks.complete(SHOP, task.id(), recorded.id()).videoToLink()).contains(recorded.id());
        assertThat(tasks.dueFallbacks(clock.instant(), 10)).isEmpty();
    }

    @Test
    void withoutAFallbackTheTaskIsMissedWithTheReason() throws VideoRequestException {
        tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE);
        clock.set(DUE.plus(Duration.ofMinutes(5)));

        var resolutions = tasks.dueFallbacks(clock.instant(), 10);

        assertThat(resolutions).singleElement().isInstanceOf(TaskResolution.Missed.class);
        TaskResolution missed = resolutions.get(0);
        assertThat(missed.videoToLink()).isEmpty();
        assertThat(missed.task().state()).isEqualTo(TaskState.MISSED);
        assertThat(missed.task().reason())
                .contains("nobody recorded a video in time and the shop has no fallback video set");
    }

    @Test
    void aFallbackThatIsNotReadyMakesTheTaskMissedAndSaysWhy() throws VideoRequestException {
        tasks.setFallbackVideo(SHOP, VideoFixtures.video(videos, SHOP, VideoState.TRANSCODING).id());
        tasks.createTask(SHOP, "1001", "cust-7", "Anna", DUE);
        clock.set(DUE);

        assertThat(tasks.dueFallbacks(clock.instant(), 10)).singleElement()
                .extracting(r -> ((TaskResolution.Missed) r).reason())
                .isEqualTo("nobody recorded a video in time and the shop's fallback video is not ready (transcoding)");
    }

    @Test
    void theFallbackMustBeAUsableVideoOfTheShop() {
        Video otherShops = VideoFixtures.video(videos, OTHER_SHOP, VideoState.READY);
        Video failed = VideoFixtures.video(videos, SHOP, VideoState.FAILED);

        assertProblem(Problem.NOT_FOUND, "no video", () -> tasks.setFallbackVideo(SHOP, otherShops.id()));
        assertProblem(Problem.UNUSABLE, "the fallback video cannot be used: broken file",
                () -> tasks.setFallbackVideo(SHOP, failed.id()));
        assertProblem(Problem.NOT_FOUND, "no video", () -> tasks.setFallbackVideo(SHOP, VideoId.random()));
    }

    @Test
    void dueFallbacksWorksThroughABacklogInPages() throws VideoRequestException {
        tasks.setFallbackVideo(SHOP, VideoFixtures.video(videos, SHOP, VideoState.READY).id());
        for (int order = 1; order <= 5; order++) {
            tasks.createTask(SHOP, "order-" + order, "cust-" + order, null, DUE.plusSeconds(order));
        }
        clock.set(DUE.plus(Duration.ofDays(1)));

        assertThat(tasks.dueFallbacks(clock.instant(), 3)).extracting(r -> r.task().orderId())
                .containsExactly("order-1", "order-2", "order-3");
        assertThat(tasks.dueFallbacks(clock.instant(), 3)).extracting(r -> r.task().orderId())
                .containsExactly("order-4", "order-5");
        assertThat(tasks.findByOrder(SHOP, "order-5").map(RecordingTask::state)).isEqualTo(
                Optional.of(TaskState.FALLBACK));
    }

    private static void assertProblem(Problem problem, String message, Executable call) {
        VideoRequestException e = assertThrows(VideoRequestException.class, call);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).contains(message);
    }
}
