package dev.beckon.suite.unsubscribe;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.clicks.JdbcClickLinks;
import dev.beckon.suite.persistence.SuiteSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unsubscribe and click-link stores (migration V6) on the embedded database; {@link EmailLinkStoresPostgresTest}
 * runs the same on PostgreSQL.
 */
class EmailLinkStoresTest {

    static final ShopId SHOP = ShopId.of("11111111-1111-1111-1111-111111111111");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    JdbcUnsubscribeLinks unsubscribes;
    JdbcClickLinks clicks;

    DataSource database() {
        return TestDatabases.h2();
    }

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        SuiteSchema.migrate(dataSource);
        ProactiveEngine.migrate(dataSource);
        unsubscribes = new JdbcUnsubscribeLinks(dataSource, clock);
        clicks = new JdbcClickLinks(dataSource, clock);
    }

    @Test
    void aMessageKeepsItsUnsubscribeTokenWhichNamesNoAddressAndLeadsBackToTheRecipient() {
        String token = unsubscribes.tokenFor(SHOP, "msg-1", "Cleo@Example.com");

        assertThat(unsubscribes.tokenFor(SHOP, "msg-1", "Cleo@Example.com")).isEqualTo(token);
        assertThat(unsubscribes.tokenFor(SHOP, "msg-2", "Cleo@Example.com")).isNotEqualTo(token);
        assertThat(token).matches("[A-Za-z0-9_-]{22}").doesNotContainIgnoringCase("cleo");
        assertThat(unsubscribes.find(token)).hasValueSatisfying(r -> {
            assertThat(r.shop()).isEqualTo(SHOP);
            assertThat(r.address()).isEqualTo("Cleo@Example.com");
            assertThat(r.usedAt()).isNull();
        });
        unsubscribes.used(token, clock.instant());
        assertThat(unsubscribes.find(token)).hasValueSatisfying(r -> assertThat(r.usedAt()).isEqualTo(clock.instant()));
        assertThat(unsubscribes.find("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(unsubscribes.find("cleo@example.com")).isEmpty();
        assertThat(unsubscribes.find(null)).isEmpty();
    }

    @Test
    void aLinkOfAMessageKeepsItsShortTokenAndLeadsToItsUrl() {
        String token = clicks.tokenFor(SHOP, "msg-1", "https://shop.example/checkouts/c1/recover?key=s");

        assertThat(token).matches("[A-Za-z0-9]{10}");
        assertThat(clicks.tokenFor(SHOP, "msg-1", "https://shop.example/checkouts/c1/recover?key=s"))
                .isEqualTo(token);
        assertThat(clicks.tokenFor(SHOP, "msg-1", "https://shop.example/other")).isNotEqualTo(token);
        assertThat(clicks.find(token)).hasValue(new JdbcClickLinks.Target("msg-1", SHOP,
                "https://shop.example/checkouts/c1/recover?key=s"));
        String longUrl = "https://shop.example/p?" + "x".repeat(4000);
        assertThat(clicks.tokenFor(SHOP, "msg-1", longUrl)).isEqualTo(clicks.tokenFor(SHOP, "msg-1", longUrl));
        assertThat(clicks.find("ZZZZZZZZZZ")).isEmpty();
        assertThat(clicks.find("../etc")).isEmpty();
    }
}
