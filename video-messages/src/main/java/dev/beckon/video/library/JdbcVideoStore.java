package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.metadata.ProbeResult;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.upload.VideoContainer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code video} table. Every statement is scoped to a shop, so one shop can never read or change another's
 * videos, even with a guessed id. State changes are conditional on the current state (a compare-and-set), so a
 * late transcode result cannot overwrite a newer state. Thread-safe; every method blocks on the database and
 * throws {@link DatabaseException} only when it fails.
 */
public final class JdbcVideoStore {

    private static final String COLUMNS = "id, shop_id, state, reason, container, original_key, original_bytes, "
            + "original_sha256, mp4_key, poster_key, gif_key, duration_ms, width, height, created_at, updated_at";
    private static final int MAX_REASON = 2000;

    private final Transactions transactions;
    private final Clock clock;

    public JdbcVideoStore(Transactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records a checked upload in state {@code UPLOADED}.
     *
     * @param probed its metadata, or null when it is only known after the transcode (WebM)
     */
    public Video insertUploaded(VideoId id, ShopId shop, VideoContainer container, StorageKey original, long bytes,
                                String sha256, ProbeResult.Probed probed) {
        Instant now = clock.instant();
        transactions.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO video (" + COLUMNS
                    + ") VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id.toString());
                insert.setString(2, shop.value());
                insert.setString(3, VideoState.UPLOADED.column());
                insert.setString(4, container.name());
                insert.setString(5, original.value());
                insert.setLong(6, bytes);
                insert.setString(7, sha256);
                Sql.setLong(insert, 8, probed == null ? null : probed.duration().toMillis());
                Sql.setInt(insert, 9, probed == null ? null : probed.width());
                Sql.setInt(insert, 10, probed == null ? null : probed.height());
                Sql.setInstant(insert, 11, now);
                Sql.setInstant(insert, 12, now);
                return insert.executeUpdate();
            }
        });
        return find(shop, id).orElseThrow();
    }

    public Optional<Video> find(ShopId shop, VideoId id) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM video WHERE shop_id = ? AND id = ?")) {
                select.setString(1, shop.value());
                select.setString(2, id.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    /** The shop's videos, newest first, at most {@code limit}. */
    public List<Video> list(ShopId shop, int limit) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM video WHERE shop_id = ? ORDER BY created_at DESC, id LIMIT ?")) {
                select.setString(1, shop.value());
                select.setInt(2, limit);
                List<Video> videos = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        videos.add(read(rows));
                    }
                }
                return videos;
            }
        });
    }

    /**
     * Every video, in any shop, still {@code UPLOADED} or {@code TRANSCODING}, oldest first, at most {@code limit}:
     * what a restart must queue again ({@link UploadFlow#requeueUnfinished}).
     */
    public List<Video> unfinished(int limit) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM video WHERE state IN (?, ?) ORDER BY created_at, id LIMIT ?")) {
                select.setString(1, VideoState.UPLOADED.column());
                select.setString(2, VideoState.TRANSCODING.column());
                select.setInt(3, limit);
                List<Video> videos = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        videos.add(read(rows));
                    }
                }
                return videos;
            }
        });
    }

    /**
     * Moves the video from {@code from} to {@code to}, setting {@code reason} (null clears it).
     *
     * @return false when the video is not in state {@code from} (or does not exist for this shop)
     */
    public boolean transition(ShopId shop, VideoId id, VideoState from, VideoState to, String reason) {
        return update(shop, id, from, "state = ?, reason = ?", s -> {
            s.setString(1, to.column());
            s.setString(2, clip(reason));
        }, 2);
    }

    /**
     * {@code TRANSCODING} to {@code READY} with the renditions' keys and the metadata of the web-safe MP4.
     *
     * @param probed the transcoded MP4's metadata, or null to keep what was probed at upload
     * @return false when the video is no longer {@code TRANSCODING}
     */
    public boolean markReady(ShopId shop, VideoId id, StorageKey mp4, StorageKey poster, StorageKey gif,
                             ProbeResult.Probed probed) {
        String set = "state = ?, reason = NULL, mp4_key = ?, poster_key = ?, gif_key = ?"
                + (probed == null ? "" : ", duration_ms = ?, width = ?, height = ?");
        return update(shop, id, VideoState.TRANSCODING, set, s -> {
            s.setString(1, VideoState.READY.column());
            s.setString(2, mp4.value());
            s.setString(3, poster.value());
            s.setString(4, gif.value());
            if (probed != null) {
                s.setLong(5, probed.duration().toMillis());
                s.setInt(6, probed.width());
                s.setInt(7, probed.height());
            }
        }, probed == null ? 4 : 7);
    }

    /**
     * Deletes every video of the shop (Shopify {@code shop/redact}); links, view events, recording tasks,
     * renders and the shop's video settings go with them.
     *
     * @return the storage keys that were referenced, for the caller to delete from storage
     */
    public List<StorageKey> deleteShop(ShopId shop) {
        return transactions.inTransaction(c -> {
            List<StorageKey> keys = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT original_key, mp4_key, poster_key, gif_key FROM video WHERE shop_id = ?")) {
                select.setString(1, shop.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        for (int column = 1; column <= 4; column++) {
                            StorageKey.parse(rows.getString(column)).ifPresent(keys::add);
                        }
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT output_key FROM video_render WHERE shop_id = ?")) {
                select.setString(1, shop.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StorageKey.parse(rows.getString(1)).ifPresent(keys::add);
                    }
                }
            }
            for (String table : List.of("video_view_event", "video_link", "video_render_shopper", "video_render",
                    "video_recording_task", "video_shop_setting", "video")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE shop_id = ?")) {
                    delete.setString(1, shop.value());
                    delete.executeUpdate();
                }
            }
            return keys;
        });
    }

    /**
     * Deletes one video of the shop with its links and their view events (an erasure request for the shopper it
     * was recorded for).
     *
     * @return the storage keys it referenced, for the caller to delete from storage; empty when there was no such
     *         video
     */
    public List<StorageKey> delete(ShopId shop, VideoId id) {
        return transactions.inTransaction(c -> {
            List<StorageKey> keys = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT original_key, mp4_key, poster_key, gif_key "
                    + "FROM video WHERE shop_id = ? AND id = ?")) {
                select.setString(1, shop.value());
                select.setString(2, id.toString());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return keys;
                    }
                    for (int column = 1; column <= 4; column++) {
                        StorageKey.parse(rows.getString(column)).ifPresent(keys::add);
                    }
                }
            }
            try (PreparedStatement events = c.prepareStatement("DELETE FROM video_view_event WHERE shop_id = ? AND "
                    + "token_hash IN (SELECT token_hash FROM video_link WHERE shop_id = ? AND video_id = ?)");
                 PreparedStatement links = c.prepareStatement(
                         "DELETE FROM video_link WHERE shop_id = ? AND video_id = ?");
                 PreparedStatement video = c.prepareStatement("DELETE FROM video WHERE shop_id = ? AND id = ?")) {
                events.setString(1, shop.value());
                events.setString(2, shop.value());
                events.setString(3, id.toString());
                events.executeUpdate();
                links.setString(1, shop.value());
                links.setString(2, id.toString());
                links.executeUpdate();
                video.setString(1, shop.value());
                video.setString(2, id.toString());
                video.executeUpdate();
            }
            return keys;
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private boolean update(ShopId shop, VideoId id, VideoState from, String set, Binder binder, int setParameters) {
        Instant now = clock.instant();
        return transactions.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE video SET " + set
                    + ", updated_at = ? WHERE shop_id = ? AND id = ? AND state = ?")) {
                binder.bind(update);
                Sql.setInstant(update, setParameters + 1, now);
                update.setString(setParameters + 2, shop.value());
                update.setString(setParameters + 3, id.toString());
                update.setString(setParameters + 4, from.column());
                return update.executeUpdate() == 1;
            }
        });
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    private static Video read(ResultSet row) throws SQLException {
        Long durationMs = Sql.getLong(row, "duration_ms");
        return new Video(
                new VideoId(java.util.UUID.fromString(row.getString("id"))),
                new ShopId(row.getString("shop_id")),
                VideoState.ofColumn(row.getString("state")),
                Optional.ofNullable(row.getString("reason")),
                VideoContainer.valueOf(row.getString("container")),
                new StorageKey(row.getString("original_key")),
                row.getLong("original_bytes"),
                row.getString("original_sha256"),
                StorageKey.parse(row.getString("mp4_key")),
                StorageKey.parse(row.getString("poster_key")),
                StorageKey.parse(row.getString("gif_key")),
                Optional.ofNullable(durationMs).map(Duration::ofMillis),
                Optional.ofNullable(Sql.getInt(row, "width")),
                Optional.ofNullable(Sql.getInt(row, "height")),
                Sql.getInstant(row, "created_at"),
                Sql.getInstant(row, "updated_at"));
    }
}
