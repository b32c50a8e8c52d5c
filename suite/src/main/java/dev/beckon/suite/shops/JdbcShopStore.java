package dev.beckon.suite.shops;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Shops in the database. Thread-safe. */
public final class JdbcShopStore {

    private final Transactions tx;

    public JdbcShopStore(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /**
     * Stores a new shop with the hash of its API key. A store may be registered more than once (each registration
     * has its own id, key and webhook URL), so an operator who lost a key can register again.
     */
    public Shop create(Shop shop, String apiKeyHash) {
        return tx.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO shop (id, platform, domain, webhook_secret, previous_webhook_secret, api_key_hash,
                        created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, shop.id().value());
                insert.setString(2, shop.platform());
                insert.setString(3, shop.domain());
                insert.setString(4, shop.webhookSecret());
                insert.setString(5, shop.previousWebhookSecret());
                insert.setString(6, apiKeyHash);
                Sql.setInstant(insert, 7, shop.createdAt());
                insert.executeUpdate();
            }
            return shop;
        });
    }

    public Optional<Shop> find(ShopId id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, platform, domain, webhook_secret, previous_webhook_secret, created_at
                    FROM shop WHERE id = ?""")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Shop(ShopId.of(row.getString("id")), row.getString("platform"),
                            row.getString("domain"), row.getString("webhook_secret"),
                            row.getString("previous_webhook_secret"), Sql.getInstant(row, "created_at")));
                }
            }
        });
    }

    /** The shop whose API key has this hash. */
    public Optional<ShopId> findByKeyHash(String apiKeyHash) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM shop WHERE api_key_hash = ?")) {
                select.setString(1, apiKeyHash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(ShopId.of(row.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
