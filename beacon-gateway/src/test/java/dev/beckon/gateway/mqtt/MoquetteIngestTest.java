package dev.beckon.gateway.mqtt;

import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.SightingPipeline;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingestor against an embedded Moquette 0.17 on a free loopback port. Moquette 0.17 speaks MQTT 3.1 and 3.1.1
 * only (it answers an MQTT 5 CONNACK with return code 1), so {@code auto} must fall back to 3.1.1, and {@code 5}
 * must fail with a message that says so.
 */
class MoquetteIngestTest extends BrokerIngestContract {

    private final int port = freePort();
    private Server broker;

    @BeforeEach
    void startBroker() throws IOException {
        broker = startedBroker(port);
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stopServer();
        }
    }

    @Override
    protected String brokerUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    protected MqttVersion version() {
        return MqttVersion.AUTO;
    }

    @Override
    protected MqttProtocol expectedProtocol() {
        return MqttProtocol.MQTT_3_1_1;
    }

    @Test
    void mqtt5OnlyFailsToConnectSayingTheBrokerDoesNotSpeakMqtt5() {
        PairingSnapshot snapshot = StoreFixture.snapshot();
        MqttIngestor ingestor = unstarted(router(snapshot), new SightingPipeline(() -> snapshot,
                PipelineSettings.defaults(), clock, () -> VisitId.of("v"), sink), settings(100, MqttVersion.MQTT_5));

        ingestor.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.lastFailure() != null);
        assertThat(ingestor.lastFailure()).contains(brokerUrl()).contains("does not speak MQTT 5");
        assertThat(ingestor.isConnected()).isFalse();
        assertThat(ingestor.connections()).isZero();
        assertThat(ingestor.protocol()).isNull();
    }

    @Test
    void autoFallsBackWhenTheBrokerClosesTheConnectionOnAnMqtt5Connect() {
        try (Mqtt5ClosingProxy proxy = new Mqtt5ClosingProxy(port)) {
            MqttSettings settings = new MqttSettings("tcp://127.0.0.1:" + proxy.port(),
                    "gw-test-" + UUID.randomUUID().toString().substring(0, 8), null, null, 1, 100,
                    Duration.ofSeconds(5), Duration.ofSeconds(30), MqttVersion.AUTO, null);
            PairingSnapshot snapshot = StoreFixture.snapshot();
            MqttIngestor ingestor = unstarted(router(snapshot), new SightingPipeline(() -> snapshot,
                    PipelineSettings.defaults(), clock, () -> VisitId.of("v"), sink), settings);

            ingestor.start();

            await().atMost(Duration.ofSeconds(15)).until(ingestor::isConnected);
            assertThat(ingestor.protocol()).isEqualTo(MqttProtocol.MQTT_3_1_1);
            assertThat(proxy.closedMqtt5()).isEqualTo(1);
            ingestor.close();
        }
    }

    @Test
    void reconnectsAndResubscribesAfterTheBrokerRestarts() throws Exception {
        PairingSnapshot snapshot = StoreFixture.snapshot();
        MqttIngestor ingestor = started(router(snapshot), new SightingPipeline(() -> snapshot,
                PipelineSettings.defaults(), clock, () -> VisitId.of("v"), sink), 100);
        assertThat(ingestor.connections()).isEqualTo(1);

        broker.stopServer();
        await().atMost(Duration.ofSeconds(10)).until(() -> !ingestor.isConnected());
        broker = startedBroker(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> ingestor.connections() == 2 && ingestor.isConnected());

        long before = ingestor.processed();
        MqttClient publisher = publisher();
        EspresenseWalk.Message message = EspresenseWalk.message("shoes", -60);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publisher.publish(message.topic(), message.payload(), 1, false);
            return ingestor.processed() > before;
        });
    }

    private static Server startedBroker(int port) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("websocket_port", "disabled");
        Server server = new Server();
        server.startServer(new MemoryConfig(properties));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
