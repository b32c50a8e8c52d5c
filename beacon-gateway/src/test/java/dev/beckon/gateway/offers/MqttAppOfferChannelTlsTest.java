package dev.beckon.gateway.offers;

import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.mqtt.MqttSettings;
import dev.beckon.gateway.mqtt.MqttVersion;
import dev.beckon.gateway.mqtt.TlsTestBroker;
import jakarta.json.Json;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app offer channel publishing over TLS with a client certificate to a real Mosquitto started by the test
 * ({@link TlsTestBroker}); skipped visibly without {@code mosquitto} or {@code openssl}, failing under {@code CI=true}.
 */
class MqttAppOfferChannelTlsTest {

    @TempDir
    Path dir;

    @Test
    void anOfferIsPublishedOverTlsToABrokerThatRequiresClientCertificates() throws Exception {
        try (TlsTestBroker broker = TlsTestBroker.start(dir)) {
            String install = "install-" + UUID.randomUUID();
            List<MqttMessage> received = new CopyOnWriteArrayList<>();
            MqttClient app = TlsTestBroker.client(broker.mutualTlsUrl(),
                    broker.certificates().withClientCertificate(), null, null);
            app.subscribe("beckon/shop-1/apps/" + install + "/offers", 1, (topic, message) -> received.add(message));
            MqttSettings settings = new MqttSettings(broker.mutualTlsUrl(), "suite-" + UUID.randomUUID()
                    .toString().substring(0, 8), null, null, 0, 100, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    MqttVersion.AUTO, null, broker.certificates().withClientCertificate());
            try (MqttAppOfferChannel channel = new MqttAppOfferChannel(settings, Duration.ofSeconds(10))) {
                channel.start();
                MessageId id = MessageId.random();

                DeliveryReceipt receipt = channel.send(new OutboundMessage(id, ShopId.of("shop-1"), install,
                        "In store now", "{\"code\":\"SHOES10\"}", "offer-7:" + install));

                assertThat(receipt).isEqualTo(new DeliveryReceipt.Sent(id.value(), "puback"));
                await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
                assertThat(Json.createReader(new StringReader(new String(received.get(0).getPayload(),
                        StandardCharsets.UTF_8))).readObject().getJsonObject("offer").getString("code"))
                        .isEqualTo("SHOES10");
            } finally {
                app.disconnectForcibly(0, 1000, false);
                app.close();
            }
        }
    }
}
