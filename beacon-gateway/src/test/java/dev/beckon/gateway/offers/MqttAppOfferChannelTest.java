package dev.beckon.gateway.offers;

import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.mqtt.MqttProtocol;
import dev.beckon.gateway.mqtt.MqttSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app offer channel against a real Mosquitto at {@code BECKON_TEST_MQTT_URL} (default
 * {@code tcp://127.0.0.1:1883}, anonymous) where a broker is needed: skipped visibly when nothing listens there,
 * failing under {@code CI=true}. The refusals need no broker.
 */
class MqttAppOfferChannelTest {

    private static final String URL = System.getenv().getOrDefault("BECKON_TEST_MQTT_URL", "tcp://127.0.0.1:1883");
    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final String OFFER = "{\"title\":\"10% off trainers\",\"code\":\"SHOES10\",\"zone\":\"shoes\"}";

    @ParameterizedTest(name = "version={0}")
    @CsvSource({"5, MQTT_5", "3.1.1, MQTT_3_1_1", "auto, MQTT_5"})
    void anOfferReachesTheAppInstallsTopicWithQos1(String version, MqttProtocol expected) throws Exception {
        requireBroker();
        String install = "install-" + UUID.randomUUID();
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        MqttClient app = new MqttClient(URL, "app-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        app.connect(options);
        app.subscribe("beckon/shop-1/apps/" + install + "/offers", 1, (topic, message) -> received.add(message));
        try (MqttAppOfferChannel channel = new MqttAppOfferChannel(settings(URL, version), Duration.ofSeconds(5))) {
            channel.start();
            MessageId id = MessageId.random();

            DeliveryReceipt receipt = channel.send(new OutboundMessage(id, SHOP, install, "In store now", OFFER,
                    "offer-7:" + install));

            assertThat(receipt).isEqualTo(new DeliveryReceipt.Sent(id.value(), "puback"));
            assertThat(channel.protocol()).isEqualTo(expected);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !received.isEmpty());
            MqttMessage message = received.get(0);
            assertThat(message.getQos()).isEqualTo(1);
            JsonObject payload = Json.createReader(new StringReader(new String(message.getPayload(),
                    StandardCharsets.UTF_8))).readObject();
            assertThat(payload.getInt("v")).isEqualTo(1);
            assertThat(payload.getString("messageId")).isEqualTo(id.value());
            assertThat(payload.getString("idempotencyKey")).isEqualTo("offer-7:" + install);
            assertThat(payload.getString("subject")).isEqualTo("In store now");
            assertThat(payload.getJsonObject("offer").getString("code")).isEqualTo("SHOES10");
        } finally {
            app.disconnect();
            app.close();
        }
    }

    @Test
    void anInstallIdThatCannotBeATopicLevelIsAPermanentFailure() {
        try (MqttAppOfferChannel channel = new MqttAppOfferChannel(settings("tcp://127.0.0.1:1"),
                Duration.ofMillis(200))) {
            for (String bad : new String[] {"a/b", "+", "#", "$SYS", " "}) {
                DeliveryReceipt receipt = channel.send(new OutboundMessage(MessageId.random(), SHOP, bad, null,
                        OFFER, "k"));
                assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
                    assertThat(failed.retryable()).isFalse();
                    assertThat(failed.reason()).contains("install id");
                });
            }
        }
    }

    @Test
    void aBrokenJsonOrBlankBodyIsAPermanentFailure() {
        try (MqttAppOfferChannel channel = new MqttAppOfferChannel(settings("tcp://127.0.0.1:1"),
                Duration.ofMillis(200))) {
            for (String body : new String[] {" {\"code\":\"SHOES10\"", "{\"a\":1} trailing", "", "  "}) {
                DeliveryReceipt receipt = channel.send(new OutboundMessage(MessageId.random(), SHOP, "install-1",
                        null, body, "k"));

                assertThat(receipt).as(body).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
                    assertThat(failed.retryable()).isFalse();
                    assertThat(failed.reason()).contains("not JSON");
                });
            }
        }
    }

    @Test
    void thePushTextTheEngineRendersIsSentAsTheOffersText() {
        assertThat(MqttAppOfferChannel.offer(" Welcome! Show the code SHOES10 at the till {for 10%} \n"))
                .isEqualTo(Json.createObjectBuilder().add("text", "Welcome! Show the code SHOES10 at the till"
                        + " {for 10%}").build());
        assertThat(MqttAppOfferChannel.offer(OFFER).getString("code")).isEqualTo("SHOES10");
    }

    @Test
    void anUnreachableBrokerIsARetryableFailureWithinTheTimeout() {
        try (MqttAppOfferChannel channel = new MqttAppOfferChannel(settings("tcp://127.0.0.1:1"),
                Duration.ofMillis(500))) {
            assertThat(channel.type()).isEqualTo(ChannelType.APP);
            assertThat(channel.id()).isEqualTo("app");

            DeliveryReceipt receipt = channel.send(new OutboundMessage(MessageId.random(), SHOP, "install-1", null,
                    OFFER, "k"));

            assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class,
                    failed -> assertThat(failed.retryable()).isTrue());
        }
    }

    @Test
    void mqtt5OnlyAgainstABrokerThatSpeaksOnly311FailsRetryablySayingSo() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("websocket_port", "disabled");
        io.moquette.broker.Server moquette = new io.moquette.broker.Server();
        moquette.startServer(new io.moquette.broker.config.MemoryConfig(properties));
        try (MqttAppOfferChannel channel = new MqttAppOfferChannel(settings("tcp://127.0.0.1:" + port, "5"),
                Duration.ofSeconds(3))) {
            channel.start();

            DeliveryReceipt receipt = channel.send(new OutboundMessage(MessageId.random(), SHOP, "install-1", null,
                    OFFER, "k"));

            assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.reason()).contains("does not speak MQTT 5");
            });
            assertThat(channel.protocol()).isNull();
        } finally {
            moquette.stopServer();
        }
    }

    private static MqttSettings settings(String url) {
        return settings(url, "auto");
    }

    private static MqttSettings settings(String url, String version) {
        return MqttSettings.from(java.util.Map.of(MqttSettings.PREFIX + "url", url,
                MqttSettings.PREFIX + "client-id", "offers-" + UUID.randomUUID().toString().substring(0, 8),
                MqttSettings.PREFIX + "connect-timeout-seconds", "2", MqttSettings.PREFIX + "version", version));
    }

    private static void requireBroker() {
        URI uri = URI.create(URL);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        } catch (IOException e) {
            String reason = "MQTT broker not reachable at " + URL + " (" + e.getMessage()
                    + "); set BECKON_TEST_MQTT_URL or start Mosquitto";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + ". CI must have Mosquitto running.", e);
            }
            System.getLogger(MqttAppOfferChannelTest.class.getName()).log(System.Logger.Level.WARNING,
                    "SKIPPING: " + reason);
            Assumptions.abort(reason);
        }
    }
}
