package dev.beckon.suite.beacons;

import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.mqtt.MqttVersion;
import dev.beckon.suite.config.SuiteSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeaconWiringTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:41:07Z");
    static final SuiteSettings SUITE = SuiteSettings.from(key -> null);

    @Test
    void theGatewayListensToTheEmbeddedBrokerUnlessAUrlIsSet() {
        GatewaySettings defaults = GatewaySettings.from(key -> null, SUITE);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.mqtt().brokerUrl()).isEqualTo("tcp://127.0.0.1:1884");
        assertThat(defaults.pipeline().zones().hold()).isEqualTo(Duration.ofSeconds(5));

        Map<String, String> values = Map.of("beckon.gateway.mqtt.url", "ssl://mqtt.example.com:8883",
                "beckon.gateway.zones.hold", "PT1S", "beckon.gateway.zones.dwell-marks", "PT2S, PT4S",
                "beckon.gateway.enabled", "false");
        GatewaySettings set = GatewaySettings.from(values::get, SUITE);
        assertThat(set.enabled()).isFalse();
        assertThat(set.mqtt().brokerUrl()).isEqualTo("ssl://mqtt.example.com:8883");
        assertThat(set.pipeline().zones().hold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(set.pipeline().zones().dwellMarks()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void theMqttVersionAndSharedGroupAreReadFromTheGatewayKeys() {
        assertThat(GatewaySettings.from(key -> null, SUITE).mqtt().version()).isEqualTo(MqttVersion.AUTO);
        GatewaySettings mqtt5 = GatewaySettings.from(Map.of("beckon.gateway.mqtt.version", "5",
                "beckon.gateway.mqtt.shared-group", "gateways")::get, SUITE);
        assertThat(mqtt5.mqtt().version()).isEqualTo(MqttVersion.MQTT_5);
        assertThat(mqtt5.mqtt().sharedGroup()).isEqualTo("gateways");
        assertThat(GatewaySettings.KEYS).contains("beckon.gateway.mqtt.version", "beckon.gateway.mqtt.shared-group");

        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.mqtt.version", "4")::get, SUITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beckon.gateway.mqtt.version must be one of auto, 5, 3.1.1, got '4'");
        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.mqtt.version", "3.1.1",
                "beckon.gateway.mqtt.shared-group", "gateways")::get, SUITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shared-group needs MQTT 5");
    }

    @Test
    void theTlsKeysAreReadFromTheGatewayKeysAndCheckedAtStart() {
        assertThat(GatewaySettings.KEYS).contains("beckon.gateway.mqtt.tls.trust-store",
                "beckon.gateway.mqtt.tls.trust-store-password", "beckon.gateway.mqtt.tls.key-store",
                "beckon.gateway.mqtt.tls.key-store-password");

        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.mqtt.url", "ssl://mqtt.example.com:8883",
                "beckon.gateway.mqtt.tls.trust-store", "/nonexistent/beckon-ca.pem")::get, SUITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beckon.gateway.mqtt.tls.trust-store: cannot read /nonexistent/beckon-ca.pem");
        // the default URL is the embedded broker's plain tcp:// listener
        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.mqtt.tls.key-store",
                "/nonexistent/gateway.p12", "beckon.gateway.mqtt.tls.key-store-password", "secret")::get, SUITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tls.* keys are set but beckon.gateway.mqtt.url is tcp://127.0.0.1:1884")
                .hasMessageNotContaining("secret");
    }

    @Test
    void withTheEmbeddedBrokerTheSuiteHasItsOwnMqttAccount() {
        GatewaySettings first = GatewaySettings.from(key -> null, SUITE);
        GatewaySettings second = GatewaySettings.from(key -> null, SUITE);
        assertThat(first.hasSuiteAccount()).isTrue();
        assertThat(first.mqtt().username()).isEqualTo("beckon-suite");
        assertThat(first.mqtt().password()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(second.mqtt().password());
        assertThat(first.mqtt().toString()).doesNotContain(first.mqtt().password());

        GatewaySettings configured = GatewaySettings.from(Map.of("beckon.gateway.mqtt.username", "svc",
                "beckon.gateway.mqtt.password", "from-config")::get, SUITE);
        assertThat(configured.mqtt().username()).isEqualTo("svc");
        assertThat(configured.mqtt().password()).isEqualTo("from-config");

        SuiteSettings external = SuiteSettings.from(Map.of("beckon.mqtt.embedded", "false")::get);
        assertThat(GatewaySettings.from(key -> null, external).hasSuiteAccount()).isFalse();
    }

    @Test
    void visitsAreKeptADayAndPurgedEveryQuarterHourUnlessConfigured() {
        GatewaySettings defaults = GatewaySettings.from(key -> null, SUITE);
        assertThat(defaults.visitRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.purgeInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.offerSendTimeout()).isEqualTo(Duration.ofSeconds(10));
        GatewaySettings set = GatewaySettings.from(Map.of("beckon.gateway.visits.retention", "PT1H",
                "beckon.gateway.visits.purge-interval", "PT1M")::get, SUITE);
        assertThat(set.visitRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(set.purgeInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.visits.retention", "PT0S")::get, SUITE))
                .hasMessageContaining("beckon.gateway.visits.retention");
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.zones.hold", "5 seconds")::get, SUITE))
                .hasMessageContaining("beckon.gateway.zones.hold");
        assertThatThrownBy(() -> GatewaySettings.from(Map.of("beckon.gateway.zones.exit-after", "PT1S")::get, SUITE))
                .hasMessageContaining("beckon.gateway.zones");
    }

    @Test
    void zoneEventsAreWrappedWithAStableDedupKeyAndHandedOff() {
        List<EventEnvelope> stored = new ArrayList<>();
        EngineSink sink = new EngineSink(stored::addAll, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
        ZoneEntered entered = new ZoneEntered(StoreId.of("berlin"), StoreZoneId.of("shoes"), VisitId.of("v1"),
                DeviceId.of("phone"), NOW.minusSeconds(1));

        sink.accept(ShopId.of("shop-1"), entered);
        sink.accept(ShopId.of("shop-1"), new VisitEnded(StoreId.of("berlin"), VisitId.of("v1"), DeviceId.of("phone"),
                NOW.minusSeconds(60), NOW));

        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).source()).isEqualTo("beacon-gateway");
        assertThat(stored.get(0).occurredAt()).isEqualTo(NOW.minusSeconds(1));
        assertThat(stored.get(0).receivedAt()).isEqualTo(NOW);
        assertThat(stored.get(0).dedupKey()).isEqualTo("v1:ZoneEntered:shoes:" + NOW.minusSeconds(1).toEpochMilli())
                .isEqualTo(EngineSink.dedupKey(entered));
        assertThat(stored.get(1).dedupKey()).isEqualTo("v1:VisitEnded:-:" + NOW.toEpochMilli());
    }

    @Test
    void aFullHandOffDropsAndCountsInsteadOfBlocking() {
        EngineSink sink = new EngineSink(events -> { }, command -> {
            throw new RejectedExecutionException("full");
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        sink.accept(ShopId.of("shop-1"), new ZoneEntered(StoreId.of("berlin"), StoreZoneId.of("shoes"),
                VisitId.of("v1"), DeviceId.of("phone"), NOW));

        assertThat(sink.rejected()).isEqualTo(1);
        assertThat(sink.handedOff()).isZero();
    }

    @Test
    void zoneIdsAreSlugsOfNames() {
        assertThat(StoreResource.slug("Shoe Wall (left)")).isEqualTo("shoe-wall-left");
    }
}
