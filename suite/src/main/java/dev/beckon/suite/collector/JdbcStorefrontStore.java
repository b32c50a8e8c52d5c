package dev.beckon.suite.collector;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Storefront settings in the database. Every collected event looks its shop's settings up, so they are cached for
 * a few seconds. Thread-safe.
 */
public final class JdbcStorefrontStore {

    private final Transactions tx;
    private final Clock clock;
    private final Cache<ShopId, Optional<Storefront>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).maximumSize(10_000).build();

    public JdbcStorefrontStore(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = clock;
    }

    public Optional<Storefront> find(ShopId shop) {
        return cache.get(shop, id -> tx.inTransaction(c -> select(c, id)));
    }

    /** The shop's settings, created with a new key and the given origins the first time they are asked for. */
    public Storefront findOrCreate(ShopId shop, Supplier<String> newKey, List<String> defaultOrigins) {
        Storefront storefront = tx.inTransaction(c -> {
            Optional<Storefront> existing = select(c, shop);
            if (existing.isPresent()) {
                return existing.get();
            }
            Storefront created = new Storefront(shop, newKey.get(), defaultOrigins);
            upsert(c, created);
            return created;
        });
        cache.invalidate(shop);
        return storefront;
    }

    public Storefront saveOrigins(Storefront storefront) {
        tx.inTransaction(c -> {
            upsert(c, storefront);
            return null;
        });
        cache.invalidate(storefront.shop());
        return storefront;
    }

    private void upsert(Connection c, Storefront storefront) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM storefront WHERE shop_id = ?")) {
            delete.setString(1, storefront.shop().value());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO storefront (shop_id, public_key, origins, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, storefront.shop().value());
            insert.setString(2, storefront.publicKey());
            insert.setString(3, String.join("\n", storefront.origins()));
            Sql.setInstant(insert, 4, clock.instant());
            insert.executeUpdate();
        }
    }

    private static Optional<Storefront> select(Connection c, ShopId shop) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT public_key, origins FROM storefront WHERE shop_id = ?")) {
            select.setString(1, shop.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String origins = row.getString("origins");
                return Optional.of(new Storefront(shop, row.getString("public_key"),
                        origins.isEmpty() ? List.of() : Arrays.asList(origins.split("\n"))));
            }
        }
    }
}
