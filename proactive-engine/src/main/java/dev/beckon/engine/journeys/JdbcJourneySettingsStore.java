package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-shop journey settings; a shop that never changed them gets the defaults. All methods run inside the
 * caller's transaction. Stateless and thread-safe.
 */
public final class JdbcJourneySettingsStore {

    private final Duration defaultAbandonedCheckoutDelay;

    public JdbcJourneySettingsStore(Duration defaultAbandonedCheckoutDelay) {
        this.defaultAbandonedCheckoutDelay = defaultAbandonedCheckoutDelay;
    }

    public JourneySettings get(Connection c, ShopId shop, String journey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT enabled, delay_seconds FROM journey_settings WHERE shop_id = ? AND journey = ?")) {
            select.setString(1, shop.value());
            select.setString(2, journey);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return new JourneySettings(journey, row.getBoolean(1), Duration.ofSeconds(row.getLong(2)));
                }
            }
        }
        return new JourneySettings(journey, true, defaultAbandonedCheckoutDelay);
    }

    public void put(Connection c, ShopId shop, JourneySettings settings, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE journey_settings SET enabled = ?, delay_seconds = ?, updated_at = ?
                WHERE shop_id = ? AND journey = ?""")) {
            update.setBoolean(1, settings.enabled());
            update.setLong(2, settings.delay().toSeconds());
            Sql.setInstant(update, 3, now);
            update.setString(4, shop.value());
            update.setString(5, settings.journey());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO journey_settings (shop_id, journey, enabled, delay_seconds, updated_at)
                VALUES (?, ?, ?, ?, ?)""")) {
            insert.setString(1, shop.value());
            insert.setString(2, settings.journey());
            insert.setBoolean(3, settings.enabled());
            insert.setLong(4, settings.delay().toSeconds());
            Sql.setInstant(insert, 5, now);
            insert.executeUpdate();
        }
    }
}
