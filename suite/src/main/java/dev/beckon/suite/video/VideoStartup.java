package dev.beckon.suite.video;

import dev.beckon.suite.engine.Bootstrap;
import dev.beckon.video.library.UploadFlow;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.recording.TaskResolution;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The video side of start-up, once {@link Bootstrap} has migrated the database: the suite's video tables, then the
 * transcodes and renders a restart left unfinished are queued again; and every {@code beckon.video.fallback-interval}
 * (default one minute) the recording tasks past their due time are settled, each recorded or fallback video linked
 * for its order and handed to the journey run waiting for it. If the database was not ready at start, the same
 * steps run at the first tick that finds it ready.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class VideoStartup {

    /** How often recording tasks past due are settled. */
    public static final String FALLBACK_INTERVAL = "beckon.video.fallback-interval";
    static final Duration DEFAULT_FALLBACK_INTERVAL = Duration.ofMinutes(1);
    static final int REQUEUE_LIMIT = 10_000;
    static final int BATCH = 50;
    static final int MAX_BATCHES_PER_TICK = 20;

    private static final System.Logger LOG = System.getLogger(VideoStartup.class.getName());

    @Inject
    Bootstrap bootstrap;

    @Inject
    DataSource dataSource;

    @Inject
    UploadFlow uploads;

    @Inject
    RenderQueue renders;

    @Inject
    RecordingTasks tasks;

    @Inject
    VideoLinks links;

    @Inject
    JourneyVideoSteps journeys;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean ready;
    private ScheduledFuture<?> timer;

    @PostConstruct
    void start() {
        prepare();
        long interval = fallbackInterval(ConfigProvider.getConfig().getOptionalValue(FALLBACK_INTERVAL, String.class)
                .orElse(null)).toMillis();
        timer = scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The interval from its configured text (ISO-8601 duration or whole seconds); the default when blank. */
    static Duration fallbackInterval(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_FALLBACK_INTERVAL;
        }
        String v = value.strip();
        Duration interval;
        try {
            interval = v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v))
                    : Duration.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(FALLBACK_INTERVAL + "=" + v
                    + ": expected an ISO-8601 duration such as PT1M, or whole seconds");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(FALLBACK_INTERVAL + "=" + v + ": must be positive");
        }
        return interval;
    }

    private synchronized void prepare() {
        if (ready || !bootstrap.migrated()) {
            return;
        }
        try {
            SuiteVideoSchema.migrate(dataSource);
            UploadFlow.Requeued videos = uploads.requeueUnfinished(REQUEUE_LIMIT);
            int rendersQueued = renders.requeueUnfinished(REQUEUE_LIMIT);
            ready = true;
            LOG.log(System.Logger.Level.INFO, "video start-up: {0} transcodes and {1} renders queued again",
                    videos.queued(), rendersQueued);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "video start-up not done yet, retrying at the next tick: {0}",
                    e.toString());
        }
    }

    private void tick() {
        try {
            prepare();
            if (ready) {
                resolveDue();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "settling recording tasks failed; retrying at the next tick", e);
        }
    }

    /** Settles the tasks past due and links the video of each; returns how many links were made. */
    int resolveDue() {
        int linked = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
            List<TaskResolution> resolved = tasks.dueFallbacks(clock.instant(), BATCH);
            for (TaskResolution resolution : resolved) {
                try {
                    Optional<VideoLinkTargets.TaskLink> link = links.forTask(resolution);
                    if (link.isPresent()) {
                        journeys.taskLinked(resolution.task(), link.get());
                        linked++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "shop " + resolution.task().shop() + ": could not link the "
                            + "video of order " + resolution.task().orderId(), e);
                }
            }
            if (resolved.size() < BATCH) {
                break;
            }
        }
        return linked;
    }
}
