package dev.beckon.video.recording;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.VideoId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the shop's staff to record a short thank-you video for one order, by {@code dueAt}. One per
 * (shop, order). The shopper's reference and first name are personal data, deleted on an erasure request.
 * Immutable and thread-safe.
 *
 * @param shopperRef the shop's own reference for the shopper (e.g. the platform's customer id)
 * @param video      the video to link for the order: the recording, or the fallback; empty while open or missed
 * @param reason     why the task was missed; empty otherwise
 * @param resolvedAt when it left {@code OPEN}
 */
public record RecordingTask(TaskId id, ShopId shop, String orderId, String shopperRef, Optional<String> firstName,
                            Instant dueAt, TaskState state, Optional<VideoId> video, Optional<String> reason,
                            Instant createdAt, Optional<Instant> resolvedAt) {

    public RecordingTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shopperRef, "shopperRef");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
