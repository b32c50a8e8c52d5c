package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code video_shop_setting} table: per shop, the pre-recorded fallback video sent when nobody records an
 * order's video in time, and the template clip personalised per shopper. Stores ids only; whether the video is
 * usable is checked where it is used. Thread-safe; every method blocks on the database and throws
 * {@link DatabaseException} only when it fails.
 */
public final class JdbcShopVideoSettings {

    private final Transactions transactions;
    private final Clock clock;

    public JdbcShopVideoSettings(Transactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The shop's fallback video, if one is set. */
    public Optional<VideoId> fallbackVideo(ShopId shop) {
        return read(shop, "fallback_video_id");
    }

    /** The shop's template clip, if one is set. */
    public Optional<VideoId> templateVideo(ShopId shop) {
        return read(shop, "template_video_id");
    }

    /** Sets (or, with null, clears) the shop's fallback video. */
    public void setFallbackVideo(ShopId shop, VideoId video) {
        write(shop, "fallback_video_id", video);
    }

    /** Sets (or, with null, clears) the shop's template clip. */
    public void setTemplateVideo(ShopId shop, VideoId video) {
        write(shop, "template_video_id", video);
    }

    private Optional<VideoId> read(ShopId shop, String column) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + column + " FROM video_shop_setting WHERE shop_id = ?")) {
                select.setString(1, shop.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getString(1) != null
                            ? Optional.of(new VideoId(UUID.fromString(row.getString(1)))) : Optional.empty();
                }
            }
        });
    }

    private void write(ShopId shop, String column, VideoId video) {
        Objects.requireNonNull(shop, "shop");
        String id = video == null ? null : video.toString();
        for (int attempt = 0; ; attempt++) {
            try {
                transactions.inTransaction(c -> {
                    try (PreparedStatement update = c.prepareStatement("UPDATE video_shop_setting SET " + column
                            + " = ?, updated_at = ? WHERE shop_id = ?")) {
                        update.setString(1, id);
                        Sql.setInstant(update, 2, clock.instant());
                        update.setString(3, shop.value());
                        if (update.executeUpdate() == 1) {
                            return null;
                        }
                    }
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_shop_setting (shop_id, "
                            + column + ", updated_at) VALUES (?, ?, ?)")) {
                        insert.setString(1, shop.value());
                        insert.setString(2, id);
                        Sql.setInstant(insert, 3, clock.instant());
                        insert.executeUpdate();
                    }
                    return null;
                });
                return;
            } catch (DatabaseException e) {
                if (attempt > 0 || !Sql.isUniqueViolation(e)) {
                    throw e; // a second attempt finds the row another writer inserted
                }
            }
        }
    }
}
