package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.VideoSettings;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.Sql;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.links.IssuedLink;
import dev.beckon.video.links.LinkTokens;
import dev.beckon.video.personalise.Render;
import dev.beckon.video.personalise.RenderId;
import dev.beckon.video.recording.RecordingTask;
import dev.beckon.video.recording.TaskResolution;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Issues landing-page links: for a video (the merchant API), for a burned-in render (the landing page then streams
 * the render's file), and for a settled recording task (the recorded video or the shop's fallback, with the task's
 * first name and order id, at most one per task). The journey's video step will call the same methods. Thread-safe.
 */
@ApplicationScoped
public class VideoLinks {

    private static final System.Logger LOG = System.getLogger(VideoLinks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new link: its id (for revocation), the token (shown once) and the relative landing-page URL. */
    public record Issued(String id, String token, String url) {

        static Issued of(IssuedLink link) {
            return new Issued(link.record().tokenHash(), link.token(), "/v/" + link.token());
        }
    }

    @Inject
    JdbcVideoLinkStore links;

    @Inject
    DataSource dataSource;

    @Inject
    VideoSettings settings;

    @Inject
    Clock clock;

    private VideoLinkTargets targets;

    @PostConstruct
    void init() {
        targets = new VideoLinkTargets(new Transactions(dataSource));
    }

    /**
     * A link to the shop's video.
     *
     * @param shopperRef who it is for, so an erasure request finds it; empty for none
     * @throws IllegalArgumentException when the shop has no such video
     */
    public Issued forVideo(ShopId shop, VideoId video, Optional<String> firstName, Optional<String> orderId,
                           Optional<String> shopperRef, Optional<Duration> lifetime) {
        IssuedLink issued = LinkTokens.mint(clock.instant(), lifetime.orElse(settings.linkLifetime()), RANDOM);
        links.insert(new VideoLink(issued.record(), video, shop, firstName, orderId), shopperRef.orElse(null));
        return Issued.of(issued);
    }

    /**
     * A link that plays the render (the template clip with the shopper's name burned in); the page shows "being
     * prepared" until it is ready.
     *
     * @throws IllegalArgumentException when the render's template clip was deleted
     */
    public Issued forRender(Render render, String shopperRef, Optional<String> firstName, Optional<String> orderId,
                            Optional<Duration> lifetime) {
        Issued issued = forVideo(render.shop(), render.template(), firstName, orderId, Optional.of(shopperRef),
                lifetime);
        targets.insertRender(issued.id(), render.shop(), render.id());
        return issued;
    }

    /** The render a link plays; empty when it plays its video. */
    public Optional<RenderId> renderOf(String tokenHash) {
        return targets.renderOf(tokenHash);
    }

    /**
     * The link of a settled task: the existing one, or a new one to the video the resolution names (with the task's
     * first name and order id, for its shopper). Empty for a missed task.
     */
    public Optional<VideoLinkTargets.TaskLink> forTask(TaskResolution resolution) {
        Optional<VideoId> video = resolution.videoToLink();
        if (video.isEmpty()) {
            return Optional.empty();
        }
        RecordingTask task = resolution.task();
        Optional<VideoLinkTargets.TaskLink> existing = targets.taskLink(task.shop(), task.id());
        if (existing.isPresent()) {
            return existing;
        }
        IssuedLink issued = LinkTokens.mint(clock.instant(), settings.linkLifetime(), RANDOM);
        links.insert(new VideoLink(issued.record(), video.get(), task.shop(), task.firstName(),
                Optional.of(task.orderId())), task.shopperRef());
        try {
            targets.insertTask(task.id(), task.shop(), issued.record().tokenHash(), issued.token());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // another instance linked the task first: theirs is the link, ours must not work
            links.revoke(task.shop(), issued.record().tokenHash(), clock.instant());
            return targets.taskLink(task.shop(), task.id());
        }
        LOG.log(System.Logger.Level.INFO, "shop {0}: order {1} linked to video {2} ({3})", task.shop(),
                task.orderId(), video.get(), task.state().column());
        return Optional.of(new VideoLinkTargets.TaskLink(issued.record().tokenHash(), issued.token()));
    }

    /** The link made for the task, if any. */
    public Optional<VideoLinkTargets.TaskLink> ofTask(RecordingTask task) {
        return targets.taskLink(task.shop(), task.id());
    }
}
