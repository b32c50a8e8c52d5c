package dev.beckon.suite.webhooks;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Poison deliveries in the database. Thread-safe. */
public final class JdbcPoisonDeliveryStore {

    private final Transactions tx;

    public JdbcPoisonDeliveryStore(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** Keeps the delivery unless the same body was kept for the shop already. @return true if it was new */
    public boolean record(PoisonDelivery delivery) {
        return tx.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement(
                    "SELECT 1 FROM poison_delivery WHERE shop_id = ? AND dedup_key = ?")) {
                exists.setString(1, delivery.shop().value());
                exists.setString(2, delivery.dedupKey());
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO poison_delivery (id, shop_id, platform, topic, reason, body_excerpt, body_bytes,
                        dedup_key, received_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, delivery.id());
                insert.setString(2, delivery.shop().value());
                insert.setString(3, delivery.platform());
                insert.setString(4, delivery.topic());
                insert.setString(5, cut(delivery.reason(), 1000));
                insert.setString(6, cut(delivery.bodyExcerpt(), 1000));
                insert.setInt(7, delivery.bodyBytes());
                insert.setString(8, delivery.dedupKey());
                Sql.setInstant(insert, 9, delivery.receivedAt());
                insert.setString(10, delivery.kind());
                insert.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
            return true;
        });
    }

    /** The shop's acknowledged deliveries without an event (poison bodies, pings), newest first. */
    public List<PoisonDelivery> list(ShopId shop, int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, platform, topic, reason, body_excerpt, body_bytes, dedup_key, received_at, kind
                    FROM poison_delivery WHERE shop_id = ? ORDER BY received_at DESC, id LIMIT ?""")) {
                select.setString(1, shop.value());
                select.setInt(2, limit);
                List<PoisonDelivery> deliveries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        deliveries.add(new PoisonDelivery(rows.getString("id"), shop, rows.getString("platform"),
                                rows.getString("topic"), rows.getString("reason"), rows.getString("body_excerpt"),
                                rows.getInt("body_bytes"), rows.getString("dedup_key"),
                                Sql.getInstant(rows, "received_at"), rows.getString("kind")));
                    }
                }
                return deliveries;
            }
        });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
