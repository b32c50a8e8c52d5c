package dev.beckon.suite.shops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Shops, their install state and their platform credentials in the database. Thread-safe.
 *
 * <p>Every webhook and every merchant API call looks its shop up, so lookups by id and by key hash are cached for
 * {@link #CACHE_TTL}; a change made through this store is visible at once, one made by another suite instance
 * within the TTL.
 */
public final class JdbcShopStore {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final Transactions tx;
    private final Cache<ShopId, Shop> byId;
    private final Cache<String, ShopId> byKeyHash;

    public JdbcShopStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    private static <K, V> Cache<K, V> cache(Clock clock) {
        return Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(10_000)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    public JdbcShopStore(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.byId = cache(clock);
        this.byKeyHash = cache(clock);
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
        Shop cached = byId.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Shop> shop = tx.inTransaction(c -> select(c, id));
        shop.ifPresent(found -> byId.put(id, found));
        return shop;
    }

    /** The shop whose API key has this hash. */
    public Optional<ShopId> findByKeyHash(String apiKeyHash) {
        ShopId cached = byKeyHash.getIfPresent(apiKeyHash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ShopId> id = tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM shop WHERE api_key_hash = ?")) {
                select.setString(1, apiKeyHash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(ShopId.of(row.getString(1))) : Optional.empty();
                }
            }
        });
        id.ifPresent(found -> byKeyHash.put(apiKeyHash, found));
        return id;
    }

    /**
     * Keeps what an install flow obtained (access token, consumer key…) and marks the shop installed again if it had
     * been uninstalled. Replaces credentials of the same name.
     */
    public void saveCredentials(ShopId id, Map<String, String> credentials, Instant at) {
        tx.inTransaction(c -> {
            for (Map.Entry<String, String> credential : credentials.entrySet()) {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM shop_credential WHERE shop_id = ? AND name = ?")) {
                    delete.setString(1, id.value());
                    delete.setString(2, credential.getKey());
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO shop_credential (shop_id, name, secret, updated_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, id.value());
                    insert.setString(2, credential.getKey());
                    insert.setString(3, credential.getValue());
                    Sql.setInstant(insert, 4, at);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE shop SET status = 'active', uninstalled_at = NULL WHERE id = ?")) {
                update.setString(1, id.value());
                update.executeUpdate();
            }
            return null;
        });
        byId.invalidate(id);
    }

    /** The shop's stored credentials by name; empty after an uninstall. */
    public Map<String, String> credentials(ShopId id) {
        return tx.inTransaction(c -> {
            Map<String, String> credentials = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name, secret FROM shop_credential WHERE shop_id = ? ORDER BY name")) {
                select.setString(1, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        credentials.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return credentials;
        });
    }

    /**
     * Records that the platform uninstalled the app: deletes every credential and marks the shop uninstalled. The
     * webhook secret stays, so the platform's later GDPR deliveries (Shopify's shop/redact) still verify.
     *
     * @return true if the shop was installed until now
     */
    public boolean markUninstalled(ShopId id, Instant at) {
        boolean changed = tx.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM shop_credential WHERE shop_id = ?")) {
                delete.setString(1, id.value());
                delete.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE shop SET status = 'uninstalled', uninstalled_at = ? WHERE id = ? AND status = 'active'")) {
                Sql.setInstant(update, 1, at);
                update.setString(2, id.value());
                return update.executeUpdate() == 1;
            }
        });
        byId.invalidate(id);
        return changed;
    }

    /**
     * The most recently registered shop of this platform with this domain (a store may be registered more than
     * once); install callbacks use it to find the shop the platform names.
     */
    public Optional<Shop> findByPlatformAndDomain(String platform, String domain) {
        Optional<ShopId> id = tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM shop WHERE platform = ? AND domain = ? ORDER BY created_at DESC, id")) {
                select.setString(1, platform);
                select.setString(2, domain);
                select.setMaxRows(1);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(ShopId.of(row.getString(1))) : Optional.empty();
                }
            }
        });
        return id.flatMap(this::find);
    }

    /**
     * Makes {@code secret} the shop's webhook secret; the current one becomes the previous one, still accepted
     * until the next rotation (deliveries signed before the switch still verify). No-op if it is already current.
     *
     * @return false if there is no such shop
     */
    public boolean rotateWebhookSecret(ShopId id, String secret) {
        boolean changed = tx.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE shop SET previous_webhook_secret = webhook_secret, webhook_secret = ?
                    WHERE id = ? AND webhook_secret <> ?""")) {
                update.setString(1, secret);
                update.setString(2, id.value());
                update.setString(3, secret);
                update.executeUpdate();
            }
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM shop WHERE id = ?")) {
                exists.setString(1, id.value());
                try (ResultSet row = exists.executeQuery()) {
                    return row.next();
                }
            }
        });
        byId.invalidate(id);
        return changed;
    }

    private static Optional<Shop> select(Connection c, ShopId id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, platform, domain, webhook_secret, previous_webhook_secret, created_at, uninstalled_at
                FROM shop WHERE id = ?""")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Shop(ShopId.of(row.getString("id")), row.getString("platform"),
                        row.getString("domain"), row.getString("webhook_secret"),
                        row.getString("previous_webhook_secret"), Sql.getInstant(row, "created_at"),
                        Sql.getInstant(row, "uninstalled_at")));
            }
        }
    }
}
