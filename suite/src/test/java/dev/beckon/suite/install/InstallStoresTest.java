package dev.beckon.suite.install;

import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.adapters.woocommerce.install.PendingInstall;
import dev.beckon.adapters.woocommerce.install.StoreUrl;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.persistence.SuiteSchema;
import dev.beckon.suite.shops.ApiKeys;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database-backed install stores (migration V5) and the shop-store methods the install flows use, on the
 * embedded database; {@link InstallStoresPostgresTest} runs the same on PostgreSQL.
 */
class InstallStoresTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final ShopDomain SHOP = ShopDomain.validate("nonce-test.myshopify.com").orElseThrow();

    final MutableClock clock = new MutableClock(NOW);
    DataSource dataSource;
    JdbcInstallStates states;
    JdbcPendingInstalls pending;
    JdbcShopStore shops;

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void migrate() {
        dataSource = database();
        SuiteSchema.migrate(dataSource);
        ProactiveEngine.migrate(dataSource);
        states = new JdbcInstallStates(dataSource, clock);
        pending = new JdbcPendingInstalls(dataSource, clock);
        shops = new JdbcShopStore(dataSource, clock);
    }

    @Test
    void aStateIsConsumedOnceAndOnlyBeforeItExpires() {
        states.remember("state-1", SHOP, NOW.plus(Duration.ofMinutes(10)));
        states.remember("state-2", SHOP, NOW.plus(Duration.ofMinutes(10)));

        assertThat(states.consume("state-1")).contains(SHOP);
        assertThat(states.consume("state-1")).isEmpty();
        assertThat(states.consume("never-issued")).isEmpty();
        assertThat(states.consume(null)).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        assertThat(states.consume("state-2")).isEmpty();
    }

    @Test
    void onlyTheHashOfAStateIsStoredAndExpiredOnesArePurged() throws Exception {
        states.remember("secret-state", SHOP, NOW.plusSeconds(60));
        clock.advance(Duration.ofMinutes(2));
        states.remember("fresh-state", SHOP, clock.instant().plusSeconds(60));

        List<String> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT state_hash FROM install_state")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(stored).containsExactly(JdbcInstallStates.hash("fresh-state"));
    }

    @Test
    void ofConcurrentCallbacksWithOneStateExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String state = "race-" + round;
                states.remember(state, SHOP, NOW.plusSeconds(600));
                List<Callable<Optional<ShopDomain>>> racers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    racers.add(() -> states.consume(state));
                }
                int winners = 0;
                for (Future<Optional<ShopDomain>> result : pool.invokeAll(racers)) {
                    winners += result.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPendingWooInstallIsFoundConsumedOnceAndReplacedByARestart() {
        ShopId shop = ShopId.random();
        PendingInstall first = new PendingInstall(shop, new StoreUrl(URI.create("https://woo.example.com")), "user-1",
                NOW.plusSeconds(1800));
        PendingInstall restart = new PendingInstall(shop, new StoreUrl(URI.create("https://woo.example.com")),
                "user-2", NOW.plusSeconds(1900));

        pending.save(first);
        assertThat(pending.find(shop)).contains(first);
        pending.save(restart);
        assertThat(pending.find(shop)).contains(restart);
        assertThat(pending.consume(first)).isFalse();
        assertThat(pending.consume(restart)).isTrue();
        assertThat(pending.consume(restart)).isFalse();
        assertThat(pending.find(shop)).isEmpty();
        assertThat(pending.find(ShopId.random())).isEmpty();
    }

    @Test
    void theLatestShopOfAPlatformAndDomainIsFound() {
        Shop older = new Shop(ShopId.random(), "shopify", "twice.myshopify.com", "s1", null, NOW.minusSeconds(60));
        Shop newer = new Shop(ShopId.random(), "shopify", "twice.myshopify.com", "s2", null, NOW);
        Shop other = new Shop(ShopId.random(), "bigcommerce", "twice.myshopify.com", "s3", null, NOW);
        shops.create(older, ApiKeys.hash(ApiKeys.newKey()));
        shops.create(newer, ApiKeys.hash(ApiKeys.newKey()));
        shops.create(other, ApiKeys.hash(ApiKeys.newKey()));

        assertThat(shops.findByPlatformAndDomain("shopify", "twice.myshopify.com")).contains(newer);
        assertThat(shops.findByPlatformAndDomain("bigcommerce", "twice.myshopify.com")).contains(other);
        assertThat(shops.findByPlatformAndDomain("shopify", "nobody.myshopify.com")).isEmpty();
    }

    @Test
    void rotatingTheWebhookSecretKeepsTheOldOneAsPrevious() {
        Shop shop = new Shop(ShopId.random(), "woocommerce", "woo.example.com", "old", null, NOW);
        shops.create(shop, ApiKeys.hash(ApiKeys.newKey()));
        shops.find(shop.id()); // cached

        assertThat(shops.rotateWebhookSecret(shop.id(), "new")).isTrue();
        assertThat(shops.find(shop.id()).orElseThrow().context().webhookSecrets()).containsExactly("new", "old");
        assertThat(shops.rotateWebhookSecret(shop.id(), "new")).isTrue();
        assertThat(shops.find(shop.id()).orElseThrow().previousWebhookSecret()).isEqualTo("old");
        assertThat(shops.rotateWebhookSecret(ShopId.random(), "x")).isFalse();
    }
}
