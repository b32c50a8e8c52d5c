package dev.beckon.video.privacy;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Video;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.recording.RecordingTask;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.recording.TaskState;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoStorage;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shopper's erasure request (Shopify {@code customers/redact}) and the merchant's "revoke this link".
 *
 * <p>Erasing a shopper deletes, in the shop: the burned-in renders made for them (files and rows; a render shared
 * with another shopper of the same first name goes too and is rendered again for them when asked), the videos staff
 * recorded for their orders (original, MP4, poster and GIF, and the rows), their recording tasks, and every link
 * made for them or for their orders with its view events. The shop's fallback and template clips are not theirs
 * and stay. Files are deleted before rows, so when storage fails the rows still lead a retry to the files.
 *
 * <p>Thread-safe; blocks on the database and storage.
 */
public final class VideoPrivacy {

    private static final System.Logger LOG = System.getLogger(VideoPrivacy.class.getName());
    private static final Pattern LINK_ID = Pattern.compile("[0-9a-f]{64}");

    /** What an erasure deleted. */
    public record Erased(int renders, int recordedVideos, int files, int links, int viewEvents, int tasks) {
    }

    private final JdbcVideoStore videos;
    private final JdbcVideoLinkStore links;
    private final RecordingTasks tasks;
    private final RenderQueue renders;
    private final VideoStorage storage;
    private final Clock clock;

    public VideoPrivacy(JdbcVideoStore videos, JdbcVideoLinkStore links, RecordingTasks tasks, RenderQueue renders,
                        VideoStorage storage, Clock clock) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.links = Objects.requireNonNull(links, "links");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.renders = Objects.requireNonNull(renders, "renders");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Erases what the module holds about the shopper; see the class comment. Idempotent. */
    public Erased eraseShopper(ShopId shop, String shopperRef) throws VideoRequestException, IOException {
        return eraseShopper(shop, shopperRef, List.of());
    }

    /**
     * As {@link #eraseShopper(ShopId, String)}, also deleting the links of {@code orderIds} (Shopify's
     * {@code orders_to_redact}) when they were not made through a recording task or for this shopper reference.
     *
     * @throws VideoRequestException {@code INVALID_INPUT} for a blank shopper reference
     * @throws IOException           when storage fails; what was deleted stays deleted, and a retry finishes
     */
    public Erased eraseShopper(ShopId shop, String shopperRef, Collection<String> orderIds)
            throws VideoRequestException, IOException {
        Objects.requireNonNull(shop, "shop");
        if (shopperRef == null || shopperRef.isBlank()) {
            throw new VideoRequestException(Problem.INVALID_INPUT, "a shopper reference is required");
        }
        String shopper = shopperRef.strip();
        int renderCount = renders.eraseShopper(shop, shopper);

        List<RecordingTask> theirTasks = tasks.findForShopper(shop, shopper);
        Set<String> orders = new LinkedHashSet<>(orderIds == null ? List.of() : orderIds);
        theirTasks.forEach(task -> orders.add(task.orderId()));
        JdbcVideoLinkStore.Deleted deleted = links.deleteForShopper(shop, shopper, orders);
        int recordedVideos = 0;
        int files = 0;
        for (RecordingTask task : theirTasks) {
            if (task.state() != TaskState.RECORDED || task.video().isEmpty()) {
                continue; // a fallback video is the shop's, not the shopper's
            }
            Optional<Video> video = videos.find(shop, task.video().get());
            if (video.isEmpty()) {
                continue;
            }
            for (StorageKey key : keysOf(video.get())) {
                if (storage.delete(key)) {
                    files++;
                }
            }
            videos.delete(shop, video.get().id());
            recordedVideos++;
        }
        int taskCount = tasks.deleteForShopper(shop, shopper).size();
        Erased erased = new Erased(renderCount, recordedVideos, files, deleted.links(), deleted.events(), taskCount);
        LOG.log(System.Logger.Level.INFO, "shop {0}: erased a shopper''s video data: {1}", shop, erased);
        return erased;
    }

    /**
     * Revokes a landing-page link at once: its page answers "link no longer available" from now on.
     *
     * @param linkId the link's id as listed to the merchant: its token hash (64 lowercase hex characters), which
     *               cannot be turned back into a working link
     * @throws VideoRequestException {@code INVALID_INPUT} for a malformed id, {@code NOT_FOUND} when the shop has
     *                               no such link
     */
    public void revokeLink(ShopId shop, String linkId) throws VideoRequestException {
        if (linkId == null || !LINK_ID.matcher(linkId).matches()) {
            throw new VideoRequestException(Problem.INVALID_INPUT, "not a link id");
        }
        if (!links.revoke(shop, linkId, clock.instant())) {
            throw new VideoRequestException(Problem.NOT_FOUND, "no such link in this shop");
        }
        LOG.log(System.Logger.Level.INFO, "shop {0}: link {1} revoked", shop, linkId.substring(0, 8));
    }

    private static List<StorageKey> keysOf(Video video) {
        List<StorageKey> keys = new java.util.ArrayList<>(List.of(video.original()));
        video.mp4().ifPresent(keys::add);
        video.poster().ifPresent(keys::add);
        video.gif().ifPresent(keys::add);
        return keys;
    }
}
