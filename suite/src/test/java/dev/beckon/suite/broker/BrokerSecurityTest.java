package dev.beckon.suite.broker;

import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.acl.BrokerAuthenticator;
import dev.beckon.gateway.acl.IssuedCredential;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.acl.TopicAcl;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.mqtt.MqttSettings;
import dev.beckon.gateway.offers.MqttAppOfferChannel;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.gateway.pairing.JdbcPairingStore;
import dev.beckon.gateway.pairing.PairingRegistry;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.Registration;
import dev.beckon.gateway.pairing.ZoneDefinition;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Moquette broker with the gateway's authenticator and topic ACL, over real MQTT connections: what a
 * scanner, an app install, a stranger and the suite see.
 */
class BrokerSecurityTest {

    static final String SUITE_USER = "beckon-suite";
    static final String SUITE_PASSWORD = "suite-secret-" + UUID.randomUUID();
    static final ShopId SHOP = ShopId.of("shop-1");
    static final StoreId BERLIN = StoreId.of("berlin");
    static final StoreId HAMBURG = StoreId.of("hamburg");

    static int port;
    static EmbeddedBroker broker;
    static BrokerSecurity security;
    static JdbcCredentialStore credentials;

    @BeforeAll
    static void start() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:broker-acl-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        GatewaySchema.migrate(dataSource);
        JdbcPairingStore pairing = new JdbcPairingStore(dataSource, Clock.systemUTC());
        for (StoreId store : List.of(BERLIN, HAMBURG)) {
            assertThat(pairing.registerStore(SHOP, store, store.value())).isEqualTo(Registration.CREATED);
            assertThat(pairing.defineZone(new ZoneDefinition(SHOP, store, StoreZoneId.of("door"), 3, 6)))
                    .isEqualTo(Registration.CREATED);
            assertThat(pairing.registerScanner(new RegisteredScanner(new ScannerRef(SHOP, store, "door"),
                    ScannerSource.BECKON, null, StoreZoneId.of("door"), new Calibration(null, 2.0))))
                    .isEqualTo(Registration.CREATED);
        }
        assertThat(pairing.registerScanner(new RegisteredScanner(new ScannerRef(SHOP, BERLIN, "app"),
                ScannerSource.BECKON, null, null, new Calibration(null, 2.0)))).isEqualTo(Registration.CREATED);
        PairingRegistry registry = new PairingRegistry(pairing);
        registry.refresh();
        credentials = new JdbcCredentialStore(dataSource, Clock.systemUTC());
        security = new BrokerSecurity(new BrokerAuthenticator(credentials, SUITE_USER, SUITE_PASSWORD),
                new TopicAcl(registry));
        port = freePort();
        broker = new EmbeddedBroker("127.0.0.1", port, security);
        broker.start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anAnonymousClientIsRefused() {
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                        .isIn((int) MqttException.REASON_CODE_NOT_AUTHORIZED,
                                (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void aWrongPasswordIsRefused() {
        IssuedCredential issued = credentials.issueForScanner(new ScannerRef(SHOP, BERLIN, "door")).orElseThrow();
        assertThatThrownBy(() -> connect(SUITE_USER, "wrong")).isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect(issued.username(), issued.password() + "x"))
                .isInstanceOf(MqttSecurityException.class);
        assertThat(security.refusedConnections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aScannerPublishesItsOwnSightingsButNotAnotherStores() throws Exception {
        IssuedCredential issued = credentials.issueForScanner(new ScannerRef(SHOP, BERLIN, "door")).orElseThrow();
        String own = "beckon/shop-1/stores/berlin/scanners/door/sightings";
        String other = "beckon/shop-1/stores/hamburg/scanners/door/sightings";
        MqttClient suite = connect(SUITE_USER, SUITE_PASSWORD);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        suite.subscribe("beckon/+/stores/+/scanners/+/sightings", 1,
                (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        MqttClient scanner = connect(issued.username(), issued.password());
        try {
            long denied = security.deniedPublishes();
            // Moquette drops a denied QoS 1 publish without a PUBACK: the publisher waits in vain
            scanner.setTimeToWait(1500);
            assertThatThrownBy(() -> scanner.publish(other, "spoofed".getBytes(StandardCharsets.UTF_8), 1, false))
                    .isInstanceOf(MqttException.class)
                    .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                            .isEqualTo((int) MqttException.REASON_CODE_CLIENT_TIMEOUT));
            scanner.publish(other, "spoofed at QoS 0".getBytes(StandardCharsets.UTF_8), 0, false);
            scanner.publish(own, "honest".getBytes(StandardCharsets.UTF_8), 1, false);

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(own + " honest");
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(security.deniedPublishes()).isEqualTo(denied + 2);
            assertThat(scanner.isConnected()).isTrue();
            // a scanner may not listen to anything, not even its own topic
            assertThatThrownBy(() -> scanner.subscribe("beckon/#", 0)).isInstanceOf(MqttException.class);
        } finally {
            close(scanner);
            close(suite);
        }
    }

    @Test
    void anAppInstallReceivesOnlyItsOwnOffers() throws Exception {
        IssuedCredential issued = credentials.issueForAppInstall(SHOP, "install-42");
        MqttClient app = connect(issued.username(), issued.password());
        MqttClient suite = connect(SUITE_USER, SUITE_PASSWORD);
        try {
            BlockingQueue<String> offers = new LinkedBlockingQueue<>();
            app.subscribe("beckon/shop-1/apps/install-42/offers", 1,
                    (topic, message) -> offers.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> app.subscribe("beckon/shop-1/apps/+/offers", 1))
                    .isInstanceOf(MqttException.class);
            suite.publish("beckon/shop-1/apps/install-42/offers", "{\"v\":1}".getBytes(StandardCharsets.UTF_8), 1,
                    false);
            assertThat(offers.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"v\":1}");
        } finally {
            close(app);
            close(suite);
        }
    }

    @Test
    void theOfferChannelReachesTheAppAsTheSuite() throws Exception {
        IssuedCredential issued = credentials.issueForAppInstall(SHOP, "install-7");
        MqttClient app = connect(issued.username(), issued.password());
        MqttSettings suite = MqttSettings.from(Map.of(MqttSettings.PREFIX + "url", "tcp://127.0.0.1:" + port,
                MqttSettings.PREFIX + "username", SUITE_USER, MqttSettings.PREFIX + "password", SUITE_PASSWORD));
        try (MqttAppOfferChannel channel = new MqttAppOfferChannel(suite, Duration.ofSeconds(10))) {
            BlockingQueue<String> offers = new LinkedBlockingQueue<>();
            app.subscribe("beckon/shop-1/apps/install-7/offers", 1,
                    (topic, message) -> offers.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            channel.start();

            DeliveryReceipt receipt = channel.send(new OutboundMessage(MessageId.random(), SHOP, "install-7",
                    "In store now", "{\"title\":\"10% off trainers\"}", "offer-1:install-7"));

            assertThat(receipt).isInstanceOf(DeliveryReceipt.Sent.class);
            assertThat(offers.poll(5, TimeUnit.SECONDS)).contains("\"title\":\"10% off trainers\"")
                    .contains("\"shopId\":\"shop-1\"");
        } finally {
            close(app);
        }
    }

    private MqttClient connect(String username, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "test-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        try {
            client.setTimeToWait(10_000);
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static void close(MqttClient client) throws MqttException {
        if (client.isConnected()) {
            client.disconnect(100);
        }
        client.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
