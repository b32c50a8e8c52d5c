package dev.beckon.suite.webhooks;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.suite.persistence.SuiteSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PoisonDeliveryStoreTest {

    JdbcPoisonDeliveryStore store;

    @BeforeEach
    void migrate() {
        DataSource dataSource = TestDatabases.h2();
        SuiteSchema.migrate(dataSource);
        store = new JdbcPoisonDeliveryStore(dataSource);
    }

    @Test
    void theSameBrokenBodyIsKeptOncePerShopNewestFirst() {
        ShopId shop = ShopId.random();
        PoisonDelivery first = delivery(shop, "k1", "2026-12-01T10:00:00Z");
        PoisonDelivery second = delivery(shop, "k2", "2026-12-01T11:00:00Z");

        assertThat(store.record(first)).isTrue();
        assertThat(store.record(delivery(shop, "k1", "2026-12-01T10:05:00Z"))).isFalse();
        assertThat(store.record(second)).isTrue();
        assertThat(store.record(delivery(ShopId.random(), "k1", "2026-12-01T10:00:00Z"))).isTrue();

        assertThat(store.list(shop, 10)).containsExactly(second, first);
        assertThat(store.list(shop, 1)).containsExactly(second);
    }

    @Test
    void anExcerptIsSafeToShow() {
        byte[] body = "{\"a\":\u0000\u001b[31m".getBytes(StandardCharsets.UTF_8);
        assertThat(PoisonDeliveries.excerpt(body)).isEqualTo("{\"a\":??[31m");
        assertThat(PoisonDeliveries.excerpt("x".repeat(1000).getBytes(StandardCharsets.UTF_8)))
                .hasSize(PoisonDeliveries.EXCERPT_CHARS + 1).endsWith("…");
    }

    private static PoisonDelivery delivery(ShopId shop, String key, String at) {
        return new PoisonDelivery(java.util.UUID.randomUUID().toString(), shop, "shopify", "orders/create",
                "body is not JSON", "{\"id\": ", 7, key, Instant.parse(at));
    }
}
