package dev.beckon.gateway.mqtt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code beckon.gateway.mqtt.tls.*} keys read through {@link MqttSettings#from(Map)}: what a merchant sees when a
 * file or password is wrong. Uses certificates made by {@code openssl} (skipped visibly without it, failing under
 * {@code CI=true}); no broker.
 */
class MqttTlsTest {

    @TempDir
    static Path dir;
    static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() {
        certificates = TestCertificates.generate(dir);
    }

    @Test
    void aPemCaFileAndAPkcs12KeyStoreAreReadAndThePasswordsAreNotShown() {
        MqttSettings settings = MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.TRUST_STORE, certificates.caPem().toString(),
                MqttTls.KEY_STORE, certificates.clientP12().toString(),
                MqttTls.KEY_STORE_PASSWORD, TestCertificates.CLIENT_P12_PASSWORD,
                MqttSettings.PREFIX + "username", "gw", MqttSettings.PREFIX + "password", "broker-secret"));

        assertThat(settings.tls()).isEqualTo(new MqttTls(certificates.caPem(), null, certificates.clientP12(),
                TestCertificates.CLIENT_P12_PASSWORD));
        assertThat(settings.socketFactory()).isNotNull();
        assertThat(settings.toString()).contains(certificates.clientP12().toString())
                .doesNotContain(TestCertificates.CLIENT_P12_PASSWORD).doesNotContain("broker-secret");
    }

    @Test
    void aPkcs12TrustStoreIsReadWithItsPassword() {
        MqttSettings settings = MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.TRUST_STORE, certificates.trustP12().toString(),
                MqttTls.TRUST_STORE_PASSWORD, TestCertificates.TRUST_P12_PASSWORD));

        assertThat(settings.socketFactory()).isNotNull();
        assertThat(settings.toString()).doesNotContain(TestCertificates.TRUST_P12_PASSWORD);
    }

    @Test
    void tlsKeysWithAPlainTcpUrlAreRefused() {
        assertThatThrownBy(() -> MqttSettings.from(config("tcp://broker.example.com:1883",
                MqttTls.TRUST_STORE, certificates.caPem().toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tls.* keys are set but beckon.gateway.mqtt.url is tcp://broker.example.com:1883")
                .hasMessageContaining("ssl://");
    }

    @Test
    void aMissingFileIsNamedWithItsKey() {
        Path missing = dir.resolve("no-such-ca.pem");

        assertThatThrownBy(() -> MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.TRUST_STORE, missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MqttTls.TRUST_STORE + ": cannot read " + missing)
                .hasMessageContaining("no such file");
    }

    @Test
    void aWrongKeyStorePasswordIsSaidToBeWrongAndNotShown() {
        assertThatThrownBy(() -> MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.KEY_STORE, certificates.clientP12().toString(),
                MqttTls.KEY_STORE_PASSWORD, "not-the-password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MqttTls.KEY_STORE + " " + certificates.clientP12())
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aWrongTrustStorePasswordIsSaidToBeWrong() {
        assertThatThrownBy(() -> MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.TRUST_STORE, certificates.trustP12().toString(),
                MqttTls.TRUST_STORE_PASSWORD, "not-the-password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MqttTls.TRUST_STORE + " " + certificates.trustP12())
                .hasMessageContaining("wrong password");
    }

    @Test
    void aKeyStoreWithoutPasswordOrWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.KEY_STORE, certificates.clientP12().toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MqttTls.KEY_STORE + " needs " + MqttTls.KEY_STORE_PASSWORD);
        assertThatThrownBy(() -> MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.KEY_STORE, certificates.trustP12().toString(),
                MqttTls.KEY_STORE_PASSWORD, TestCertificates.TRUST_P12_PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no private key");
    }

    @Test
    void aFileThatIsNeitherPkcs12NorPemIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate");

        assertThatThrownBy(() -> MqttSettings.from(config("ssl://broker.example.com:8883",
                MqttTls.TRUST_STORE, text.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MqttTls.TRUST_STORE + " " + text + " is neither a PKCS12 file nor PEM");
    }

    private static Map<String, String> config(String url, String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        config.put(MqttSettings.PREFIX + "url", url);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
