package dev.beckon.engine.settings;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.ShortLivedCache;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Shop settings in the database, one JSON document per shop; a shop that never saved any gets
 * {@link ShopSettings#defaults()}. All methods run inside the caller's transaction. Reads are kept for
 * {@link #KEPT_FOR} ({@link ShortLivedCache}: every due timer of a shop reads them twice); a save through this
 * store is seen at once, one through another suite instance within {@link #KEPT_FOR}. Thread-safe.
 */
public final class JdbcShopSettingsStore {

    /** How long settings read from the database are kept. */
    public static final Duration KEPT_FOR = Duration.ofSeconds(2);

    private final ShortLivedCache<ShopId, ShopSettings> kept = new ShortLivedCache<>(KEPT_FOR, 10_000);

    public ShopSettings get(Connection c, ShopId shop) throws SQLException {
        return kept.get(shop, key -> read(c, key));
    }

    private static ShopSettings read(Connection c, ShopId shop) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT settings FROM shop_settings WHERE shop_id = ?")) {
            select.setString(1, shop.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? ShopSettingsJson.read(row.getString(1)) : ShopSettings.defaults();
            }
        }
    }

    public void put(Connection c, ShopId shop, ShopSettings settings, Instant now) throws SQLException {
        kept.forget(shop);
        String json = ShopSettingsJson.write(settings);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE shop_settings SET settings = ?, updated_at = ? WHERE shop_id = ?")) {
            update.setString(1, json);
            Sql.setInstant(update, 2, now);
            update.setString(3, shop.value());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO shop_settings (shop_id, settings, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, shop.value());
            insert.setString(2, json);
            Sql.setInstant(insert, 3, now);
            insert.executeUpdate();
        }
    }
}
