package dev.beckon.gateway.mqtt;

import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.SightingPipeline;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    /** {@code version=5}, and a shared group. */
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

        @Test
        void aSharedGroupDeliversEachSightingToOneMemberOnly() throws Exception {
            PairingSnapshot snapshot = StoreFixture.snapshot();
            MqttSettings shared = new MqttSettings(URL, "gw-test-" + UUID.randomUUID().toString().substring(0, 8), null,
                    null, 1, 100, Duration.ofSeconds(5), Duration.ofSeconds(30), MqttVersion.MQTT_5,
                    "beckon-test-" + UUID.randomUUID().toString().substring(0, 8));
            MqttIngestor first = unstarted(router(snapshot), new SightingPipeline(() -> snapshot,
                    PipelineSettings.defaults(), clock, () -> VisitId.of("v1"), sink), shared);
            MqttIngestor second = unstarted(router(snapshot), new SightingPipeline(() -> snapshot,
                    PipelineSettings.defaults(), clock, () -> VisitId.of("v2"), sink),
                    new MqttSettings(URL, shared.clientId() + "-2", null, null, 1, 100, Duration.ofSeconds(5),
                            Duration.ofSeconds(30), MqttVersion.MQTT_5, shared.sharedGroup()));
            first.start();
            second.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> first.isConnected() && second.isConnected());
            MqttClient publisher = publisher();
            EspresenseWalk.Message message = EspresenseWalk.message("shoes", -60);
            // probes until both members have been served, then a settled start
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                publisher.publish(message.topic(), message.payload(), 1, false);
                return first.processed() > 0 && second.processed() > 0;
            });
            AtomicLong last = new AtomicLong(-1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> last.getAndSet(first.received() + second.received())
                            == first.received() + second.received());
            long firstBefore = first.received();
            long secondBefore = second.received();

            for (int i = 0; i < 20; i++) {
                publisher.publish(message.topic(), message.payload(), 1, false);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> first.received() + second.received()
                    == firstBefore + secondBefore + 20);
            assertThat(first.received()).isGreaterThan(firstBefore);
            assertThat(second.received()).isGreaterThan(secondBefore);
            assertThat(first.protocol()).isEqualTo(MqttProtocol.MQTT_5);
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
}
