package dev.beckon.video.recording;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;
import dev.beckon.video.library.DatabaseException;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Sql;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Recording tasks in the {@code video_recording_task} table, and the shop's fallback video. The journey's video
 * step calls {@link #createTask}; staff call {@link #complete} with the video they recorded; a timer calls
 * {@link #dueFallbacks} and links the video each resolution names. Every state change is a compare-and-set from
 * {@code OPEN}, so several instances (or a late recording racing the timer) settle a task exactly once.
 *
 * <p>Thread-safe; every method blocks on the database and throws {@code DatabaseException} when it fails.
 * Bad input and impossible requests are {@link VideoRequestException}s with a merchant-readable message.
 */
public final class RecordingTasks {

    private static final System.Logger LOG = System.getLogger(RecordingTasks.class.getName());
    private static final String COLUMNS = "id, shop_id, order_id, shopper_ref, first_name, due_at, state, video_id, "
            + "reason, created_at, resolved_at";
    static final int MAX_ORDER_ID = 64;
    static final int MAX_SHOPPER_REF = 255;
    static final int MAX_FIRST_NAME = 200;

    private final Transactions transactions;
    private final JdbcVideoStore videos;
    private final JdbcShopVideoSettings settings;
    private final Clock clock;

    public RecordingTasks(Transactions transactions, JdbcVideoStore videos, JdbcShopVideoSettings settings,
                          Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks staff to record a video for the order by {@code dueAt}. Idempotent per (shop, order): a second call,
     * e.g. a redelivered journey step, returns the task made first, unchanged.
     *
     * @param firstName the shopper's first name, shown to staff; null or blank for none
     * @throws VideoRequestException {@code INVALID_INPUT} for a blank or over-long order id or shopper reference,
     *                               an over-long first name, or no due time
     */
    public RecordingTask createTask(ShopId shop, String orderId, String shopperRef, String firstName, Instant dueAt)
            throws VideoRequestException {
        Objects.requireNonNull(shop, "shop");
        String order = required("order id", orderId, MAX_ORDER_ID);
        String shopper = required("shopper reference", shopperRef, MAX_SHOPPER_REF);
        String name = firstName == null || firstName.isBlank() ? null : firstName.strip();
        if (name != null && name.length() > MAX_FIRST_NAME) {
            throw new VideoRequestException(Problem.INVALID_INPUT,
                    "first name is longer than " + MAX_FIRST_NAME + " characters");
        }
        if (dueAt == null) {
            throw new VideoRequestException(Problem.INVALID_INPUT, "a due time is required");
        }
        Optional<RecordingTask> existing = findByOrder(shop, order);
        if (existing.isPresent()) {
            return existing.get();
        }
        TaskId id = TaskId.random();
        try {
            transactions.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_recording_task (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL)")) {
                    insert.setString(1, id.toString());
                    insert.setString(2, shop.value());
                    insert.setString(3, order);
                    insert.setString(4, shopper);
                    insert.setString(5, name);
                    Sql.setInstant(insert, 6, dueAt);
                    insert.setString(7, TaskState.OPEN.column());
                    Sql.setInstant(insert, 8, clock.instant());
                    return insert.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // another request created it between our look-up and insert: theirs is the task
        }
        return findByOrder(shop, order).orElseThrow();
    }

    public Optional<RecordingTask> find(ShopId shop, TaskId id) {
        return selectOne("shop_id = ? AND id = ?", shop.value(), id.toString());
    }

    public Optional<RecordingTask> findByOrder(ShopId shop, String orderId) {
        return selectOne("shop_id = ? AND order_id = ?", shop.value(), orderId);
    }

    /** The shop's open tasks, soonest due first: the staff's to-do list. */
    public List<RecordingTask> open(ShopId shop, int limit) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM video_recording_task "
                    + "WHERE shop_id = ? AND state = ? ORDER BY due_at, id LIMIT ?")) {
                select.setString(1, shop.value());
                select.setString(2, TaskState.OPEN.column());
                select.setInt(3, limit);
                return readAll(select);
            }
        });
    }

    /**
     * Staff recorded {@code video} for the task. Accepted while the task is open, also after its due time as long
     * as the fallback has not gone out yet. Completing again with the same video returns the same resolution.
     *
     * @throws VideoRequestException {@code NOT_FOUND} when the shop has no such task or video; {@code UNUSABLE}
     *                               when the video failed to transcode; {@code CONFLICT} when the task was already
     *                               settled otherwise (recorded with another video, fallback sent, or missed)
     */
    public TaskResolution.Recorded complete(ShopId shop, TaskId taskId, VideoId videoId) throws VideoRequestException {
        RecordingTask task = find(shop, taskId).orElseThrow(() -> new VideoRequestException(Problem.NOT_FOUND,
                "no recording task " + taskId + " in this shop"));
        usableVideo(shop, videoId, "recorded video");
        if (task.state() == TaskState.OPEN && settle(task, TaskState.RECORDED, videoId, null)) {
            RecordingTask recorded = find(shop, taskId).orElseThrow();
            LOG.log(System.Logger.Level.INFO, "shop {0}: order {1} recorded as video {2}", shop, task.orderId(),
                    videoId);
            return new TaskResolution.Recorded(recorded, videoId);
        }
        RecordingTask now = find(shop, taskId).orElseThrow();
        if (now.state() == TaskState.RECORDED && now.video().equals(Optional.of(videoId))) {
            return new TaskResolution.Recorded(now, videoId);
        }
        throw new VideoRequestException(Problem.CONFLICT, switch (now.state()) {
            case RECORDED -> "this order's video was already recorded";
            case FALLBACK -> "too late: the shop's fallback video was already sent for this order";
            case MISSED -> "too late: the task was closed at its due time (" + now.reason().orElse("missed") + ")";
            case OPEN -> "the task changed while recording; try again";
        });
    }

    /**
     * Sets the video sent for orders nobody recorded in time.
     *
     * @throws VideoRequestException {@code NOT_FOUND} when the shop has no such video, {@code UNUSABLE} when it
     *                               failed to transcode
     */
    public void setFallbackVideo(ShopId shop, VideoId videoId) throws VideoRequestException {
        usableVideo(shop, videoId, "fallback video");
        settings.setFallbackVideo(shop, videoId);
    }

    /** No fallback: from now on, tasks past due are missed. */
    public void clearFallbackVideo(ShopId shop) {
        settings.setFallbackVideo(shop, null);
    }

    /**
     * Settles every open task (any shop) whose due time is at or before {@code now}: with the shop's fallback
     * video when it is set and ready, otherwise as missed with the reason. Each resolution names the video to link
     * for its order. Safe to run on several instances at once: each task is settled by exactly one call.
     *
     * @param limit at most this many tasks, earliest due first; call again while the result is full
     */
    public List<TaskResolution> dueFallbacks(Instant now, int limit) {
        List<RecordingTask> due = transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM video_recording_task "
                    + "WHERE state = ? AND due_at <= ? ORDER BY due_at, id LIMIT ?")) {
                select.setString(1, TaskState.OPEN.column());
                Sql.setInstant(select, 2, now);
                select.setInt(3, limit);
                return readAll(select);
            }
        });
        List<TaskResolution> resolutions = new ArrayList<>();
        for (RecordingTask task : due) {
            Optional<VideoId> fallback = settings.fallbackVideo(task.shop());
            Optional<Video> video = fallback.flatMap(id -> videos.find(task.shop(), id));
            String missedBecause = fallback.isEmpty() ? "nobody recorded a video in time and the shop has no fallback "
                    + "video set"
                    : video.isEmpty() ? "nobody recorded a video in time and the shop's fallback video was deleted"
                    : video.get().state() != VideoState.READY ? "nobody recorded a video in time and the shop's "
                    + "fallback video is not ready (" + video.get().state().column() + ")"
                    : null;
            if (missedBecause == null) {
                VideoId chosen = video.get().id();
                if (settle(task, TaskState.FALLBACK, chosen, null)) {
                    resolutions.add(new TaskResolution.Fallback(find(task.shop(), task.id()).orElseThrow(), chosen));
                }
            } else if (settle(task, TaskState.MISSED, null, missedBecause)) {
                LOG.log(System.Logger.Level.WARNING, "shop {0}: order {1} missed: {2}", task.shop(), task.orderId(),
                        missedBecause);
                resolutions.add(new TaskResolution.Missed(find(task.shop(), task.id()).orElseThrow(), missedBecause));
            }
        }
        return resolutions;
    }

    /** The shopper's tasks in the shop, any state. */
    public List<RecordingTask> findForShopper(ShopId shop, String shopperRef) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM video_recording_task "
                    + "WHERE shop_id = ? AND shopper_ref = ? ORDER BY created_at, id")) {
                select.setString(1, shop.value());
                select.setString(2, shopperRef);
                return readAll(select);
            }
        });
    }

    /**
     * Deletes the shopper's tasks (an erasure request).
     *
     * @return the deleted tasks, whose recorded videos the caller erases too
     */
    public List<RecordingTask> deleteForShopper(ShopId shop, String shopperRef) {
        return transactions.inTransaction(c -> {
            List<RecordingTask> tasks;
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM video_recording_task "
                    + "WHERE shop_id = ? AND shopper_ref = ?")) {
                select.setString(1, shop.value());
                select.setString(2, shopperRef);
                tasks = readAll(select);
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM video_recording_task WHERE shop_id = ? AND shopper_ref = ?")) {
                delete.setString(1, shop.value());
                delete.setString(2, shopperRef);
                delete.executeUpdate();
            }
            return tasks;
        });
    }

    private boolean settle(RecordingTask task, TaskState to, VideoId video, String reason) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE video_recording_task SET state = ?, "
                    + "video_id = ?, reason = ?, resolved_at = ? WHERE shop_id = ? AND id = ? AND state = ?")) {
                update.setString(1, to.column());
                update.setString(2, video == null ? null : video.toString());
                update.setString(3, reason);
                Sql.setInstant(update, 4, clock.instant());
                update.setString(5, task.shop().value());
                update.setString(6, task.id().toString());
                update.setString(7, TaskState.OPEN.column());
                return update.executeUpdate() == 1;
            }
        });
    }

    private void usableVideo(ShopId shop, VideoId videoId, String what) throws VideoRequestException {
        if (videoId == null) {
            throw new VideoRequestException(Problem.INVALID_INPUT, "a " + what + " id is required");
        }
        Video video = videos.find(shop, videoId).orElseThrow(() -> new VideoRequestException(Problem.NOT_FOUND,
                "no video " + videoId + " in this shop"));
        if (video.state() == VideoState.FAILED) {
            throw new VideoRequestException(Problem.UNUSABLE, "the " + what + " cannot be used: "
                    + video.reason().orElse("it failed to transcode"));
        }
    }

    private static String required(String what, String value, int max) throws VideoRequestException {
        if (value == null || value.isBlank()) {
            throw new VideoRequestException(Problem.INVALID_INPUT, what + " is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new VideoRequestException(Problem.INVALID_INPUT, what + " is longer than " + max + " characters");
        }
        return v;
    }

    private Optional<RecordingTask> selectOne(String where, String first, String second) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM video_recording_task WHERE " + where)) {
                select.setString(1, first);
                select.setString(2, second);
                List<RecordingTask> tasks = readAll(select);
                return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
            }
        });
    }

    private static List<RecordingTask> readAll(PreparedStatement select) throws SQLException {
        List<RecordingTask> tasks = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String video = row.getString("video_id");
                tasks.add(new RecordingTask(new TaskId(UUID.fromString(row.getString("id"))),
                        new ShopId(row.getString("shop_id")), row.getString("order_id"), row.getString("shopper_ref"),
                        Optional.ofNullable(row.getString("first_name")), Sql.getInstant(row, "due_at"),
                        TaskState.ofColumn(row.getString("state")),
                        Optional.ofNullable(video).map(v -> new VideoId(UUID.fromString(v))),
                        Optional.ofNullable(row.getString("reason")), Sql.getInstant(row, "created_at"),
                        Optional.ofNullable(Sql.getInstant(row, "resolved_at"))));
            }
        }
        return tasks;
    }
}
