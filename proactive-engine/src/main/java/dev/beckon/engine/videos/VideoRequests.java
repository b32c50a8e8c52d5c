package dev.beckon.engine.videos;

import dev.beckon.api.model.ShopId;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks the shop's staff for a personal video for a journey's video step (the video-messages module implements it).
 * Called inside the engine's transaction for the run: it must only record the request and answer at once. When a
 * video is recorded later, the suite reports it with {@code ProactiveEngine.videoReady}; if none comes, the step's
 * fallback timer moves the run on. Implementations are thread-safe and never throw.
 */
public interface VideoRequests {

    /** The default when no video service is wired: the run goes on at once, without a video link. */
    VideoRequests NONE = request -> new Answer.Ready(null);

    /**
     * @param request never null
     * @return never null
     */
    Answer request(Request request);

    /**
     * One video to record.
     *
     * @param dueAt     when the run stops waiting and goes on with the shop's fallback video
     * @param subject   the run's subject (the order id in the thank-you journey), so staff know which order the
     *                  video is for; null if unknown
     * @param firstName the shopper's first name, shown with the video; null if unknown
     */
    record Request(ShopId shop, String journey, String runId, String stepId, String shopperKey, Instant dueAt,
                   String subject, String firstName) {

        public Request {
            Objects.requireNonNull(shop, "shop");
            Objects.requireNonNull(journey, "journey");
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        /** A request without subject and first name. */
        public Request(ShopId shop, String journey, String runId, String stepId, String shopperKey, Instant dueAt) {
            this(shop, journey, runId, stepId, shopperKey, dueAt, null, null);
        }
    }

    /** What the video service says. */
    sealed interface Answer {

        /** A video (or the shop's standing one) is ready now; {@code url} is null when there is no link to show. */
        record Ready(String url) implements Answer {
        }

        /** Staff will record one; the run waits for {@code videoReady} or the fallback timer. */
        record Pending() implements Answer {
        }
    }
}
