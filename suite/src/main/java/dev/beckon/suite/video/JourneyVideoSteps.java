package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.videos.VideoRequests;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoState;
import dev.beckon.video.recording.RecordingTask;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.recording.TaskState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The journeys' video step ({@link VideoRequests}) served by the video module. A shop with a ready template clip gets
 * a personalised link to it at once (the landing page shows the shopper's first name and order): the run goes on
 * with it. Any other shop gets a recording task for the order, due a little before the step's own due time so the
 * shop's fallback (settled every {@code beckon.video.fallback-interval}) goes out before the engine stops waiting;
 * the run waits, and when staff record the video or the fallback goes out, {@link #taskLinked} hands the link to the
 * waiting run through {@link ProactiveEngine#videoReady}. Links in messages are absolute, under
 * {@code beckon.public-base-url}.
 *
 * <p>Thread-safe. {@link #request} runs inside the engine's transaction: it only records (in its own short
 * transactions) and answers; it never throws — a failure is logged and the run goes on without a video.
 */
@ApplicationScoped
public class JourneyVideoSteps implements VideoRequests {

    private static final System.Logger LOG = System.getLogger(JourneyVideoSteps.class.getName());

    @Inject
    RecordingTasks tasks;

    @Inject
    JdbcShopVideoSettings shopSettings;

    @Inject
    JdbcVideoStore videos;

    @Inject
    VideoLinks links;

    @Inject
    DataSource dataSource;

    @Inject
    SuiteSettings settings;

    @Inject
    Clock clock;

    /** Lazily: the engine is made with this adapter. */
    @Inject
    Provider<ProactiveEngine> engine;

    /** Where a linked video goes: {@link ProactiveEngine#videoReady} (a fake in tests). */
    interface RunResumer {

        /** @return false if the run is not waiting for a video (any more) */
        boolean videoReady(ShopId shop, String runId, String url);
    }

    private VideoLinkTargets targets;
    private Duration lead;
    private String baseUrl;
    private RunResumer runs;

    @PostConstruct
    void init() {
        init(settings.publicBaseUrl().toString(), VideoStartup.fallbackInterval(ConfigProvider.getConfig()
                        .getOptionalValue(VideoStartup.FALLBACK_INTERVAL, String.class).orElse(null)),
                (shop, runId, url) -> engine.get().videoReady(shop, runId, url));
    }

    /**
     * @param publicBaseUrl    Beckon's public base URL, the start of every link
     * @param fallbackInterval how often the fallback timer runs: tasks fall due two of these before the step does
     */
    void init(String publicBaseUrl, Duration fallbackInterval, RunResumer resumer) {
        targets = new VideoLinkTargets(new Transactions(dataSource));
        lead = fallbackInterval.multipliedBy(2);
        baseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        runs = resumer;
    }

    @Override
    public Answer request(Request request) {
        try {
            return answer(request);
        } catch (VideoRequestException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "shop " + request.shop() + ": no video for run " + request.runId()
                    + " (" + request.journey() + "); it goes on without one", e);
            return new Answer.Ready(null);
        }
    }

    private Answer answer(Request request) throws VideoRequestException {
        ShopId shop = request.shop();
        String orderId = request.subject() != null ? request.subject() : request.runId();
        Optional<String> firstName = Optional.ofNullable(request.firstName()).filter(n -> !n.isBlank());
        Optional<VideoId> template = shopSettings.templateVideo(shop).filter(id -> ready(shop, id));
        if (template.isPresent()) {
            VideoLinks.Issued issued = links.forVideo(shop, template.get(), firstName, Optional.of(orderId),
                    Optional.ofNullable(request.shopperKey()), Optional.empty());
            targets.insertJourneyLink(issued.id(), shop, request.journey(), request.runId());
            LOG.log(System.Logger.Level.INFO, "shop {0}: run {1} linked to template clip {2}", shop, request.runId(),
                    template.get());
            return new Answer.Ready(absolute(issued.token()));
        }
        Instant now = clock.instant();
        Instant due = request.dueAt().minus(lead);
        RecordingTask task = tasks.createTask(shop, orderId,
                request.shopperKey() != null ? request.shopperKey() : orderId, firstName.orElse(null),
                due.isBefore(now) ? now : due);
        if (task.state() == TaskState.OPEN) {
            targets.insertTaskRun(task.id(), shop, request.runId(), request.journey());
            LOG.log(System.Logger.Level.INFO, "shop {0}: run {1} waits for recording task {2} (order {3})", shop,
                    request.runId(), task.id(), orderId);
            return new Answer.Pending();
        }
        // the order's task was settled before the run asked (made by hand): its link, if any, goes out now
        return new Answer.Ready(links.ofTask(task).map(l -> absolute(l.token())).orElse(null));
    }

    /**
     * The task's video was linked (recorded, or the shop's fallback): the run waiting for it, if any, goes on with
     * the link. Never throws; a failure is logged (the engine's own timer then moves the run on without a video).
     */
    void taskLinked(RecordingTask task, VideoLinkTargets.TaskLink link) {
        try {
            Optional<VideoLinkTargets.TaskRun> run = targets.runOfTask(task.shop(), task.id());
            if (run.isEmpty()) {
                return;
            }
            if (run.get().journey() != null) {
                targets.insertJourneyLink(link.linkId(), task.shop(), run.get().journey(), run.get().runId());
            }
            boolean moved = runs.videoReady(task.shop(), run.get().runId(), absolute(link.token()));
            LOG.log(System.Logger.Level.INFO, "shop {0}: run {1} {2} the video of order {3}", task.shop(),
                    run.get().runId(), moved ? "goes on with" : "was no longer waiting for", task.orderId());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "shop " + task.shop() + ": could not hand the video of order "
                    + task.orderId() + " to its journey run", e);
        }
    }

    private boolean ready(ShopId shop, VideoId id) {
        return videos.find(shop, id).map(Video::state).filter(s -> s == VideoState.READY).isPresent();
    }

    private String absolute(String token) {
        return baseUrl + "/v/" + token;
    }
}
