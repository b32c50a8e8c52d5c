package dev.beckon.gateway.mqtt;

import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.TopicRouter;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.RecordingSink;
import dev.beckon.gateway.pipeline.SightingPipeline;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingestor against an external broker the way a merchant runs one: a real Mosquitto 2.0 started by the test
 * ({@link TlsTestBroker}: TLS, TLS with client certificates, a broker certificate from another CA or for another
 * host, and a plain listener with a password file), with certificates made by {@code openssl} at test time. Skipped
 * visibly without {@code mosquitto} or {@code openssl}; fails under {@code CI=true}.
 */
class MosquittoTlsTest {

    @TempDir
    static Path dir;
    static TlsTestBroker broker;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = TlsTestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    /** TLS, the CA given as a PEM file, MQTT 5. */
    @Nested
    class TlsOverMqtt5 extends BrokerIngestContract {

        @Override
        protected String brokerUrl() {
            return broker.tlsUrl();
        }

        @Override
        protected MqttTls tls() {
            return broker.certificates().trustingCa();
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

    /** TLS, the CA given as a PKCS12 trust store with a password, MQTT 3.1.1. */
    @Nested
    class TlsOverMqtt311 extends BrokerIngestContract {

        @Override
        protected String brokerUrl() {
            return broker.tlsUrl();
        }

        @Override
        protected MqttTls tls() {
            return new MqttTls(broker.certificates().trustP12(), TestCertificates.TRUST_P12_PASSWORD, null, null);
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

    /**
     * A listener with {@code require_certificate true} and {@code use_identity_as_username true}, reached by host
     * name ({@code localhost}), {@code version=auto}.
     */
    @Nested
    class ClientCertificate extends BrokerIngestContract {

        @Override
        protected String brokerUrl() {
            return broker.mutualTlsUrl();
        }

        @Override
        protected MqttTls tls() {
            return broker.certificates().withClientCertificate();
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

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_5", "MQTT_3_1_1"})
    void withoutAClientCertificateTheBrokerRefusesAndTheIngestorSaysWhy(MqttVersion version) {
        MqttIngestor ingestor = started(broker.mutualTlsUrl(), broker.certificates().trustingCa(), null, null, version);

        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.lastFailure() != null);

        assertThat(ingestor.lastFailure()).contains(broker.mutualTlsUrl()).contains("refused the TLS handshake")
                .contains("requires a client certificate").contains(MqttTls.KEY_STORE + " is not set");
        assertThat(ingestor.isConnected()).isFalse();
        assertThat(ingestor.protocol()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_5", "MQTT_3_1_1"})
    void aBrokerCertificateFromAnotherCaIsRefusedAsNotTrusted(MqttVersion version) {
        MqttIngestor ingestor = started(broker.rogueUrl(), broker.certificates().trustingCa(), null, null, version);

        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.lastFailure() != null);

        assertThat(ingestor.lastFailure()).contains("TLS certificate of the MQTT broker at " + broker.rogueUrl()
                + " is not trusted").contains(broker.certificates().caPem().toString());
        assertThat(ingestor.isConnected()).isFalse();
    }

    @Test
    void aBrokerCertificateForAnotherHostIsRefusedBecauseHostNamesAreVerified() {
        MqttIngestor ingestor = started(broker.otherHostUrl(), broker.certificates().trustingCa(), null, null,
                MqttVersion.AUTO);

        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.lastFailure() != null);

        assertThat(ingestor.lastFailure()).contains("does not name that host");
        assertThat(ingestor.isConnected()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_5", "MQTT_3_1_1"})
    void theRightPasswordConnectsAndSightingsArrive(MqttVersion version) throws Exception {
        MqttIngestor ingestor = started(broker.passwordUrl(), null, TlsTestBroker.USER, TlsTestBroker.PASSWORD,
                version);
        await().atMost(Duration.ofSeconds(15)).until(ingestor::isConnected);
        MqttClient scanner = TlsTestBroker.client(broker.passwordUrl(), null, TlsTestBroker.USER,
                TlsTestBroker.PASSWORD);
        closing.add(0, () -> {
            scanner.disconnectForcibly(0, 1000, false);
            scanner.close();
        });
        EspresenseWalk.Message message = EspresenseWalk.message("shoes", -60);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            scanner.publish(message.topic(), message.payload(), 1, false);
            return ingestor.processed() > 0;
        });

        assertThat(ingestor.drops().total()).isZero();
        assertThat(ingestor.lastFailure()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"AUTO", "MQTT_3_1_1"})
    void aWrongPasswordIsRefusedWithTheReasonAndNotRetriedInATightLoop(MqttVersion version) {
        String port = broker.passwordUrl().substring(broker.passwordUrl().lastIndexOf(':') + 1);
        long before = connectionsTo(port);
        MqttIngestor ingestor = started(broker.passwordUrl(), null, TlsTestBroker.USER, "wrong-password", version);

        await().atMost(Duration.ofSeconds(15)).until(() -> ingestor.lastFailure() != null);

        assertThat(ingestor.lastFailure()).contains(broker.passwordUrl())
                .contains("refused the credentials (user '" + TlsTestBroker.USER + "')").doesNotContain("wrong-password");
        assertThat(ingestor.isConnected()).isFalse();
        // one attempt, then one every 5 s: within 3 s at most one more (a tight loop would make hundreds)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .until(() -> connectionsTo(port) - before <= 2);
    }

    private long connectionsTo(String port) {
        return broker.log().lines().filter(line -> line.contains("New connection from")
                && line.endsWith("on port " + port + ".")).count();
    }

    private MqttIngestor started(String url, MqttTls tls, String user, String password, MqttVersion version) {
        PairingSnapshot snapshot = StoreFixture.snapshot();
        TopicRouter router = new TopicRouter(List.of(new EspresenseParser(snapshot, clock, IngestLimits.defaults())));
        MqttSettings settings = new MqttSettings(url, "gw-tls-" + UUID.randomUUID().toString().substring(0, 8), user,
                password, 1, 100, Duration.ofSeconds(5), Duration.ofSeconds(30), version, null, tls);
        MqttIngestor ingestor = new MqttIngestor(settings, router, new SightingPipeline(() -> snapshot,
                PipelineSettings.defaults(), clock, () -> VisitId.of("v"), new RecordingSink()), clock, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        closing.add(0, ingestor);
        ingestor.start();
        return ingestor;
    }
}
