package dev.beckon.suite.video;

import dev.beckon.video.recording.RecordingTask;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Optional;

/** A recording task in the merchant API: the order, who it is for, when it is due, how it was settled, its link. */
@JsonbNillable
@Schema(name = "VideoTask")
public record TaskJson(
        @Schema(required = true) String id,
        @Schema(required = true) String orderId,
        @Schema(required = true) String shopperRef,
        String firstName,
        @Schema(required = true) Instant dueAt,
        @Schema(required = true, enumeration = {"open", "recorded", "fallback", "missed"}) String state,
        @Schema(description = "The video linked for the order: the recording, or the shop's fallback") String videoId,
        @Schema(description = "Why the task was missed") String reason,
        @Schema(required = true) Instant createdAt,
        Instant resolvedAt,
        @Schema(description = "The landing-page link made for the order once the task is recorded or fell back")
        TaskLinkJson link) {

    /** The order's link: its id (to revoke it) and the landing page to send. */
    @Schema(name = "VideoTaskLink")
    public record TaskLinkJson(@Schema(required = true) String id, @Schema(required = true) String url) {
    }

    static TaskJson of(RecordingTask task, Optional<VideoLinkTargets.TaskLink> link) {
        return new TaskJson(task.id().toString(), task.orderId(), task.shopperRef(), task.firstName().orElse(null),
                task.dueAt(), task.state().column(), task.video().map(Object::toString).orElse(null),
                task.reason().orElse(null), task.createdAt(), task.resolvedAt().orElse(null),
                link.map(l -> new TaskLinkJson(l.linkId(), "/v/" + l.token())).orElse(null));
    }
}
