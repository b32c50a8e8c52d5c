package dev.beckon.engine.settings;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.engine.EngineSettings;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.guardrails.FrequencyCap;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShopSettingsStoreTest {

    final DataSource db = TestDatabases.h2();
    final ProactiveEngine engine;

    ShopSettingsStoreTest() {
        ProactiveEngine.migrate(db);
        engine = new ProactiveEngine(db, EngineSettings.defaults(), List.of(),
                new MutableClock(Instant.parse("2026-11-23T10:00:00Z")));
    }

    @Test
    void aShopThatNeverSavedSettingsGetsTheDefaults() {
        assertThat(engine.shopSettings(ShopId.of("new-shop"))).isEqualTo(ShopSettings.defaults());
    }

    @Test
    void savedSettingsAreTheShopsOwnAndCanBeReplaced() {
        ShopId a = ShopId.of("shop-a");
        ShopSettings paris = ShopSettings.defaults().withTimeZone(ZoneId.of("Europe/Paris"))
                .withFrequencyCaps(Map.of(ChannelType.EMAIL, new FrequencyCap(3, Duration.ofDays(1))));
        engine.updateShopSettings(a, paris);
        engine.updateShopSettings(a, paris.withReentryCooldown(Duration.ZERO));

        assertThat(engine.shopSettings(a)).isEqualTo(paris.withReentryCooldown(Duration.ZERO));
        assertThat(engine.shopSettings(ShopId.of("shop-b"))).isEqualTo(ShopSettings.defaults());
    }
}
