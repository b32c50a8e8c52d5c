package dev.beckon.gateway.mqtt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which MQTT protocol the gateway asks for ({@code beckon.gateway.mqtt.version}): {@link #AUTO} connects with
 * MQTT 5 and falls back to 3.1.1 when the broker refuses protocol version 5; the other two use one protocol only.
 */
public enum MqttVersion {

    /** MQTT 5 first, MQTT 3.1.1 when the broker refuses 5. */
    AUTO("auto"),
    /** MQTT 5 only; a broker that speaks only 3.1.1 is a connection failure. */
    MQTT_5("5"),
    /** MQTT 3.1.1 only. */
    MQTT_3_1_1("3.1.1");

    private final String configValue;

    MqttVersion(String configValue) {
        this.configValue = configValue;
    }

    /** The value as written in configuration: {@code auto}, {@code 5} or {@code 3.1.1}. */
    public String configValue() {
        return configValue;
    }

    /**
     * @param value a configured value, case and surrounding blanks ignored; never null
     * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
     */
    public static MqttVersion parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (MqttVersion version : values()) {
            if (version.configValue.equals(wanted)) {
                return version;
            }
        }
        throw new IllegalArgumentException(MqttSettings.PREFIX + "version must be one of "
                + Arrays.stream(values()).map(MqttVersion::configValue).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
