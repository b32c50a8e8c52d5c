package dev.beckon.gateway.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttSettingsTest {

    private static final String URL = MqttSettings.PREFIX + "url";
    private static final String VERSION = MqttSettings.PREFIX + "version";
    private static final String SHARED_GROUP = MqttSettings.PREFIX + "shared-group";

    @Test
    void theVersionIsAutoUnlessConfiguredAndThereIsNoSharedGroup() {
        MqttSettings settings = MqttSettings.anonymous("tcp://127.0.0.1:1883");

        assertThat(settings.version()).isEqualTo(MqttVersion.AUTO);
        assertThat(settings.sharedGroup()).isNull();
        assertThat(settings.subscriptionFilter("espresense/devices/+/+")).isEqualTo("espresense/devices/+/+");
        assertThat(MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, "  ")).version())
                .isEqualTo(MqttVersion.AUTO);
    }

    @Test
    void theThreeVersionsAreReadAsWritten() {
        assertThat(MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, "5")).version())
                .isEqualTo(MqttVersion.MQTT_5);
        assertThat(MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, " 3.1.1 ")).version())
                .isEqualTo(MqttVersion.MQTT_3_1_1);
        assertThat(MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, "AUTO")).version())
                .isEqualTo(MqttVersion.AUTO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "3.1", "v5", "5.0", "mqtt5", "latest"})
    void anUnknownVersionIsAConfigurationErrorNamingTheKeyAndTheAllowedValues(String value) {
        assertThatThrownBy(() -> MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beckon.gateway.mqtt.version must be one of auto, 5, 3.1.1, got '" + value + "'");
    }

    @Test
    void aSharedGroupWithMqtt5PrefixesTheFilters() {
        MqttSettings settings = MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, "5", SHARED_GROUP,
                "beckon-gateway"));

        assertThat(settings.sharedGroup()).isEqualTo("beckon-gateway");
        assertThat(settings.subscriptionFilter("espresense/devices/+/+"))
                .isEqualTo("$share/beckon-gateway/espresense/devices/+/+");
        assertThat(settings.toString()).contains("version=5").contains("sharedGroup=beckon-gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.1.1", "auto"})
    void aSharedGroupWithoutExplicitMqtt5IsRefusedAtStart(String version) {
        Map<String, String> config = new HashMap<>(Map.of(URL, "tcp://h:1883", SHARED_GROUP, "g"));
        config.put(VERSION, version);

        assertThatThrownBy(() -> MqttSettings.from(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beckon.gateway.mqtt.shared-group needs MQTT 5")
                .hasMessageContaining("beckon.gateway.mqtt.version=5")
                .hasMessageContaining("it is " + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "+", "g#"})
    void aSharedGroupThatCannotBeATopicLevelIsRefused(String group) {
        assertThatThrownBy(() -> MqttSettings.from(Map.of(URL, "tcp://h:1883", VERSION, "5", SHARED_GROUP, group)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shared-group must be a non-blank name without '/', '+' or '#'");
    }

    @Test
    void withVersionKeepsEverythingElse() {
        MqttSettings settings = MqttSettings.from(Map.of(URL, "ssl://h:8883", MqttSettings.PREFIX + "username", "svc",
                MqttSettings.PREFIX + "password", "secret"));

        MqttSettings mqtt5 = settings.withVersion(MqttVersion.MQTT_5);

        assertThat(mqtt5.version()).isEqualTo(MqttVersion.MQTT_5);
        assertThat(mqtt5.withVersion(MqttVersion.AUTO)).isEqualTo(settings);
        assertThat(mqtt5.toString()).doesNotContain("secret");
    }
}
