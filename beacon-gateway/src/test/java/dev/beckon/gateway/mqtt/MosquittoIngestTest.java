package dev.beckon.gateway.mqtt;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The ingestor against an external Mosquitto (2.0 speaks MQTT 5 and 3.1.1) at {@code BECKON_TEST_MQTT_URL} (default
 * {@code tcp://127.0.0.1:1883}, anonymous), once over each protocol. Skipped visibly when nothing listens there;
 * fails under {@code CI=true}.
 */
class MosquittoIngestTest {

    private static final String URL = System.getenv().getOrDefault("BECKON_TEST_MQTT_URL", "tcp://127.0.0.1:1883");

    @BeforeEach
    void requireBroker() {
        URI uri = URI.create(URL);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        } catch (IOException e) {
            String reason = "MQTT broker not reachable at " + URL + " (" + e.getMessage()
                    + "); set BECKON_TEST_MQTT_URL or start Mosquitto";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + ". CI must have Mosquitto running.", e);
            }
            System.getLogger(MosquittoIngestTest.class.getName()).log(System.Logger.Level.WARNING, "SKIPPING: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** {@code version=5}. */
    @Nested
    class OverMqtt5 extends BrokerIngestContract {

        @Override
        protected String brokerUrl() {
            return URL;
        }

        @Override
        protected MqttVersion version() {
            return MqttVersion.MQTT_5;
        }

        @Override
        protected MqttProtocol expectedProtocol() {
            return MqttProtocol.MQTT_5;
        }
    }

    /** {@code version=3.1.1}. */
    @Nested
    class OverMqtt311 extends BrokerIngestContract {

        @Override
        protected String brokerUrl() {
            return URL;
        }

        @Override
        protected MqttVersion version() {
            return MqttVersion.MQTT_3_1_1;
        }

        @Override
        protected MqttProtocol expectedProtocol() {
            return MqttProtocol.MQTT_3_1_1;
        }
    }

    /** {@code version=auto} with a broker that speaks MQTT 5: no fallback. */
    @Nested
    class Auto extends BrokerIngestContract {

        @Override
        protected String brokerUrl() {
            return URL;
        }

        @Override
        protected MqttVersion version() {
            return MqttVersion.AUTO;
        }

        @Override
        protected MqttProtocol expectedProtocol() {
            return MqttProtocol.MQTT_5;
        }
    }
}
