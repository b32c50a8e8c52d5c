package dev.beckon.suite.shops;

import dev.beckon.api.testing.TestDatabases;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.persistence.SuiteSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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

    @Test
    void anUninstallDeletesTheCredentialsButKeepsTheWebhookSecret() {
        Shop shop = new Shop(ShopId.random(), "shopify", "d.myshopify.com", "secret", null,
                Instant.parse("2026-11-23T10:00:00Z"));
        shops.create(shop, ApiKeys.hash(ApiKeys.newKey()));
        shops.saveCredentials(shop.id(), Map.of("access_token", "shpat_1", "scopes", "read_orders"),
                Instant.parse("2026-11-23T10:01:00Z"));
        shops.saveCredentials(shop.id(), Map.of("access_token", "shpat_2"), Instant.parse("2026-11-23T10:02:00Z"));
        assertThat(shops.credentials(shop.id())).containsExactly(entry("access_token", "shpat_2"),
                entry("scopes", "read_orders"));

        Instant uninstalledAt = Instant.parse("2026-11-24T08:00:00Z");
        assertThat(shops.markUninstalled(shop.id(), uninstalledAt)).isTrue();
        assertThat(shops.markUninstalled(shop.id(), uninstalledAt.plusSeconds(60))).isFalse();

        assertThat(shops.credentials(shop.id())).isEmpty();
        Shop after = shops.find(shop.id()).orElseThrow();
        assertThat(after.installed()).isFalse();
        assertThat(after.uninstalledAt()).isEqualTo(uninstalledAt);
        assertThat(after.webhookSecret()).isEqualTo("secret");
        assertThat(new JdbcShopStore(dataSource).find(shop.id()).orElseThrow().installed())
                .as("another instance reads the same state from the database").isFalse();
    }

    @Test
    void installingAgainMakesTheShopInstalledAgain() {
        Shop shop = new Shop(ShopId.random(), "bigcommerce", "stores/abc123", "secret", null, Instant.now());
        shops.create(shop, ApiKeys.hash(ApiKeys.newKey()));
        shops.markUninstalled(shop.id(), Instant.now());

        shops.saveCredentials(shop.id(), Map.of("access_token", "bc-token"), Instant.now());

        assertThat(shops.find(shop.id()).orElseThrow().installed()).isTrue();
        assertThat(shops.credentials(shop.id())).containsEntry("access_token", "bc-token");
    }
}
