package dev.beckon.gateway.ownership;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLeaseSettingsTest {

    @Test
    void defaultsRenewEveryTenSecondsForThirty() {
        StoreLeaseSettings settings = StoreLeaseSettings.from(key -> null);

        assertThat(settings.ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.renew()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void configuredValuesAreRead() {
        Map<String, String> config = Map.of(StoreLeaseSettings.TTL, " PT1M ", StoreLeaseSettings.RENEW, "PT15S");

        StoreLeaseSettings settings = StoreLeaseSettings.from(config::get);

        assertThat(settings.ttl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.renew()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> StoreLeaseSettings.from(Map.of(StoreLeaseSettings.TTL, "30s")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beckon.gateway.ownership.ttl");
        assertThatThrownBy(() -> StoreLeaseSettings.from(Map.of(StoreLeaseSettings.RENEW, "PT30S")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be longer than");
    }
}
