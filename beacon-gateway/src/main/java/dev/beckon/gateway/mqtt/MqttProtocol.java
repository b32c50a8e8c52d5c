package dev.beckon.gateway.mqtt;

/** The MQTT protocol a connection actually speaks with its broker. */
public enum MqttProtocol {

    MQTT_5("5"),
    MQTT_3_1_1("3.1.1");

    private final String label;

    MqttProtocol(String label) {
        this.label = label;
    }

    /** {@code 5} or {@code 3.1.1}, as in the configuration key and the metrics. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "MQTT " + label;
    }
}
