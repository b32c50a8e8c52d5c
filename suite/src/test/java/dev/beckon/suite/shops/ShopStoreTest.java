package dev.beckon.suite.shops;

import dev.beckon.api.testing.TestDatabases;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.persistence.SuiteSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Shops on the embedded database; {@link ShopStorePostgresTest} runs the same on PostgreSQL. */
class ShopStoreTest {

    JdbcShopStore shops;
    DataSource dataSource;

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void migrate() {
        dataSource = database();
        SuiteSchema.migrate(dataSource);
        ProactiveEngine.migrate(dataSource); // both modules' migrations share one schema, as in the suite
        shops = new JdbcShopStore(dataSource);
    }

    @Test
    void aShopIsFoundByIdAndByItsKeyHashOnly() {
        Shop shop = new Shop(ShopId.random(), "shopify", "a.myshopify.com", "secret", null,
                Instant.parse("2026-11-23T10:00:00Z"));
        String key = ApiKeys.newKey();

        assertThat(shops.create(shop, ApiKeys.hash(key))).isEqualTo(shop);
        assertThat(shops.find(shop.id())).contains(shop);
        assertThat(shops.findByKeyHash(ApiKeys.hash(key))).contains(shop.id());
        assertThat(shops.findByKeyHash(ApiKeys.hash(ApiKeys.newKey()))).isEmpty();
        assertThat(shops.find(ShopId.random())).isEmpty();
    }

    @Test
    void aStoreRegisteredAgainGetsItsOwnIdAndKey() {
        Shop first = new Shop(ShopId.random(), "shopify", "b.myshopify.com", "s1", null, Instant.now());
        Shop second = new Shop(ShopId.random(), "shopify", "b.myshopify.com", "s2", null, Instant.now());
        String firstKey = ApiKeys.newKey();
        String secondKey = ApiKeys.newKey();
        shops.create(first, ApiKeys.hash(firstKey));
        shops.create(second, ApiKeys.hash(secondKey));

        assertThat(shops.findByKeyHash(ApiKeys.hash(firstKey))).contains(first.id());
        assertThat(shops.findByKeyHash(ApiKeys.hash(secondKey))).contains(second.id());
    }

    @Test
    void migrationsAreIdempotent() {
        assertThat(SuiteSchema.migrate(dataSource)).isZero();
        assertThat(ProactiveEngine.migrate(dataSource)).isZero();
    }

    @Test
    void aShopVerifiesWithItsCurrentAndPreviousSecret() {
        Shop rotated = new Shop(ShopId.random(), "shopify", "c.myshopify.com", "new", "old", Instant.now());

        assertThat(rotated.context().webhookSecrets()).containsExactly("new", "old");
        assertThat(rotated.toString()).doesNotContain("new").doesNotContain("old");
    }
}
