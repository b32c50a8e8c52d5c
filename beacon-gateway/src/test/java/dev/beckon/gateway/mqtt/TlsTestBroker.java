package dev.beckon.gateway.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One real Mosquitto with a listener for each way the gateway meets an external broker, on free ports of 127.0.0.1
 * ({@code per_listener_settings true}), and the {@link TestCertificates} for them:
 * <ul>
 *   <li>{@link #tlsUrl()}: TLS with the test CA's broker certificate, anonymous clients;</li>
 *   <li>{@link #mutualTlsUrl()}: the same, and {@code require_certificate true}, {@code use_identity_as_username
 *       true}, {@code allow_anonymous false}: only clients with a certificate from the test CA;</li>
 *   <li>{@link #rogueUrl()}: TLS with a broker certificate from another CA;</li>
 *   <li>{@link #otherHostUrl()}: TLS with a test-CA certificate for another host name;</li>
 *   <li>{@link #passwordUrl()}: plain TCP, {@code allow_anonymous false}, a {@code password_file} made with
 *       {@code mosquitto_passwd -b} holding {@link #USER} / {@link #PASSWORD}.</li>
 * </ul>
 * Skips visibly without {@code mosquitto}, {@code mosquitto_passwd} or {@code openssl}; fails under {@code CI=true}.
 */
public final class TlsTestBroker implements AutoCloseable {

    public static final String USER = "scanner-1";
    public static final String PASSWORD = "right-password";

    private final TestCertificates certificates;
    private final MosquittoProcess mosquitto;
    private final List<Integer> ports;

    private TlsTestBroker(TestCertificates certificates, MosquittoProcess mosquitto, List<Integer> ports) {
        this.certificates = certificates;
        this.mosquitto = mosquitto;
        this.ports = ports;
    }

    /** Makes the certificates and the password file in {@code dir} and starts the broker. */
    public static TlsTestBroker start(Path dir) {
        String passwd = MosquittoProcess.requireTool("mosquitto_passwd");
        TestCertificates certificates = TestCertificates.generate(dir);
        run(passwd, "-c", "-b", dir.resolve("passwd").toString(), USER, PASSWORD);
        List<Integer> ports = MosquittoProcess.freePorts(5);
        String ca = certificates.caPem().toString();
        String config = "per_listener_settings true\n"
                + listener(ports.get(0), true, ca, certificates.serverPem(), certificates.serverKey())
                + listener(ports.get(1), false, ca, certificates.serverPem(), certificates.serverKey())
                + "require_certificate true\n"
                + "use_identity_as_username true\n"
                + listener(ports.get(2), true, null, certificates.rogueServerPem(), certificates.rogueServerKey())
                + listener(ports.get(3), true, null, certificates.otherHostPem(), certificates.otherHostKey())
                + "listener " + ports.get(4) + " 127.0.0.1\n"
                + "allow_anonymous false\n"
                + "password_file " + dir.resolve("passwd") + "\n";
        return new TlsTestBroker(certificates, MosquittoProcess.start(dir, config, ports), ports);
    }

    private static String listener(int port, boolean anonymous, String cafile, Path cert, Path key) {
        return "listener " + port + " 127.0.0.1\n"
                + "allow_anonymous " + anonymous + "\n"
                + (cafile == null ? "" : "cafile " + cafile + "\n")
                + "certfile " + cert + "\n"
                + "keyfile " + key + "\n";
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public String tlsUrl() {
        return "ssl://127.0.0.1:" + ports.get(0);
    }

    public String mutualTlsUrl() {
        return "ssl://localhost:" + ports.get(1);
    }

    public String rogueUrl() {
        return "ssl://127.0.0.1:" + ports.get(2);
    }

    public String otherHostUrl() {
        return "ssl://localhost:" + ports.get(3);
    }

    public String passwordUrl() {
        return "tcp://127.0.0.1:" + ports.get(4);
    }

    /** The broker's log so far. */
    public String log() {
        return mosquitto.log();
    }

    /**
     * A connected MQTT 3.1.1 client (clean session) at {@code url}; TLS with {@code tls} for {@code ssl://}, and
     * {@code user}/{@code password} unless null. The caller closes it.
     */
    public static MqttClient client(String url, MqttTls tls, String user, String password) {
        try {
            MqttClient client = new MqttClient(url, "test-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            if (url.startsWith("ssl://")) {
                options.setSocketFactory(tls.socketFactory());
            }
            if (user != null) {
                options.setUserName(user);
                options.setPassword(password.toCharArray());
            }
            client.connect(options);
            return client;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect a test client to " + url, e);
        }
    }

    @Override
    public void close() {
        mosquitto.close();
    }
}
