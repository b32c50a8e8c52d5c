package dev.beckon.gateway.mqtt;

import javax.net.ssl.SSLSocketFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How the gateway connects to the MQTT broker. Immutable. Built from configuration with {@link #from(Map)}; the
 * keys and defaults:
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.url}</td><td>{@code tcp://127.0.0.1:1883}</td><td>broker URL
 *       ({@code tcp://} or {@code ssl://})</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.client-id}</td><td>{@code beckon-gateway-<random>}</td><td>MQTT client
 *       id; unique per gateway instance</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.username}</td><td>none</td><td>broker user (the gateway's service
 *       account)</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.password}</td><td>none</td><td>its password</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.qos}</td><td>{@code 0}</td><td>subscription QoS, 0-2; sightings are
 *       periodic, so 0</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.queue-capacity}</td><td>{@code 10000}</td><td>messages buffered
 *       between the MQTT callback and the worker; more are dropped and counted</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.connect-timeout-seconds}</td><td>{@code 10}</td><td>connect
 *       timeout</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.keep-alive-seconds}</td><td>{@code 30}</td><td>MQTT keep-alive</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.version}</td><td>{@code auto}</td><td>{@code auto} (MQTT 5, and 3.1.1 when
 *       the broker refuses 5), {@code 5} or {@code 3.1.1}</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.shared-group}</td><td>none</td><td>subscribe to the sightings with MQTT 5
 *       shared subscriptions {@code $share/<group>/<filter>}; needs {@code version=5} and a broker that keeps
 *       per-store affinity (docs/BEACONS.md)</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.tls.trust-store}</td><td>the JVM's trust store</td><td>with {@code ssl://}:
 *       the CAs the broker's certificate must chain to, a PKCS12 file or a PEM file of certificates</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.tls.trust-store-password}</td><td>none</td><td>the PKCS12 trust store's
 *       password</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.tls.key-store}</td><td>none</td><td>with {@code ssl://}: a PKCS12 file with
 *       the gateway's client certificate and key, for brokers that authenticate clients by certificate</td></tr>
 *   <tr><td>{@code beckon.gateway.mqtt.tls.key-store-password}</td><td>none</td><td>its password (also the
 *       key's)</td></tr>
 * </table>
 * The {@code tls.*} keys need an {@code ssl://} URL, and {@link #from(Map)} reads their files at once, so a missing
 * file or a wrong password fails there, naming the key. Host-name verification is always on.
 *
 * @param brokerUrl      never null
 * @param clientId       1-23 characters is safest for MQTT 3.1.1 brokers; never null or blank
 * @param username       null for anonymous
 * @param password       null when there is no username; not shown by {@link #toString()}
 * @param qos            0, 1 or 2
 * @param queueCapacity  positive
 * @param connectTimeout positive
 * @param keepAlive      positive
 * @param version        the protocol to ask for; never null
 * @param sharedGroup    the MQTT 5 shared-subscription group of the sighting subscriptions, null for plain ones; only
 *                       with {@link MqttVersion#MQTT_5}; no {@code /}, {@code +} or {@code #}
 * @param tls            the trust and key stores for {@code ssl://}; {@link MqttTls#DEFAULT} (the JVM's SSL context)
 *                       when null; anything else only with {@code ssl://}
 */
public record MqttSettings(String brokerUrl, String clientId, String username, String password, int qos,
                           int queueCapacity, Duration connectTimeout, Duration keepAlive, MqttVersion version,
                           String sharedGroup, MqttTls tls) {

    public static final String PREFIX = "beckon.gateway.mqtt.";

    public MqttSettings {
        tls = Objects.requireNonNullElse(tls, MqttTls.DEFAULT);
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (!(brokerUrl.startsWith("tcp://") || brokerUrl.startsWith("ssl://"))) {
            throw new IllegalArgumentException("broker URL must start with tcp:// or ssl://, got " + brokerUrl);
        }
        if (!tls.isDefault() && !isTls(brokerUrl)) {
            throw new IllegalArgumentException(PREFIX + "tls.* keys are set but " + PREFIX + "url is " + brokerUrl
                    + ", a plain TCP URL: use ssl://<host>:<port> (8883 is the usual TLS port), or remove the"
                    + " tls.* keys");
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 65535) {
            throw new IllegalArgumentException("client id must not be blank");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, got " + qos);
        }
        if (queueCapacity < 1 || connectTimeout.isNegative() || connectTimeout.isZero() || keepAlive.isNegative()
                || keepAlive.isZero()) {
            throw new IllegalArgumentException("queue capacity, connect timeout and keep-alive must be positive");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password needs a username");
        }
        Objects.requireNonNull(version, "version");
        if (sharedGroup != null) {
            if (sharedGroup.isBlank() || sharedGroup.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
                throw new IllegalArgumentException(PREFIX + "shared-group must be a non-blank name without '/', '+'"
                        + " or '#', got '" + sharedGroup + "'");
            }
            if (version != MqttVersion.MQTT_5) {
                throw new IllegalArgumentException(PREFIX + "shared-group needs MQTT 5 shared subscriptions: set "
                        + PREFIX + "version=5 (it is " + version.configValue() + "; a 3.1.1 connection cannot"
                        + " share subscriptions), or remove " + PREFIX + "shared-group");
            }
        }
    }

    /** Settings with the JVM's default SSL context for {@code ssl://} URLs. */
    public MqttSettings(String brokerUrl, String clientId, String username, String password, int qos,
                        int queueCapacity, Duration connectTimeout, Duration keepAlive, MqttVersion version,
                        String sharedGroup) {
        this(brokerUrl, clientId, username, password, qos, queueCapacity, connectTimeout, keepAlive, version,
                sharedGroup, MqttTls.DEFAULT);
    }

    /** Anonymous settings with the defaults for everything but the URL. */
    public static MqttSettings anonymous(String brokerUrl) {
        return from(Map.of(PREFIX + "url", brokerUrl));
    }

    /**
     * Reads the keys in the class comment from {@code config}; absent keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key when a value is malformed, or a TLS file cannot be used
     */
    public static MqttSettings from(Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        MqttSettings settings = new MqttSettings(
                config.getOrDefault(PREFIX + "url", "tcp://127.0.0.1:1883"),
                config.getOrDefault(PREFIX + "client-id",
                        "beckon-gateway-" + UUID.randomUUID().toString().substring(0, 8)),
                blankToNull(config.get(PREFIX + "username")),
                blankToNull(config.get(PREFIX + "password")),
                integer(config, "qos", 0),
                integer(config, "queue-capacity", 10_000),
                Duration.ofSeconds(integer(config, "connect-timeout-seconds", 10)),
                Duration.ofSeconds(integer(config, "keep-alive-seconds", 30)),
                MqttVersion.parse(Objects.requireNonNullElse(blankToNull(config.get(PREFIX + "version")), "auto")),
                blankToNull(config.get(PREFIX + "shared-group")),
                MqttTls.from(config));
        settings.socketFactory();
        return settings;
    }

    /** The socket factory for {@code ssl://} URLs from {@link #tls()}; null for {@code tcp://}. */
    public SSLSocketFactory socketFactory() {
        return isTls(brokerUrl) ? tls.socketFactory() : null;
    }

    private static boolean isTls(String brokerUrl) {
        return brokerUrl.startsWith("ssl://");
    }

    /** These settings asking for {@code version} instead; the shared group stays (so it needs MQTT 5). */
    public MqttSettings withVersion(MqttVersion version) {
        return new MqttSettings(brokerUrl, clientId, username, password, qos, queueCapacity, connectTimeout,
                keepAlive, version, sharedGroup, tls);
    }

    /** The filter to subscribe to for {@code filter}: {@code $share/<group>/<filter>} with a shared group. */
    public String subscriptionFilter(String filter) {
        return sharedGroup == null ? filter : "$share/" + sharedGroup + "/" + filter;
    }

    private static int integer(Map<String, String> config, String key, int defaultValue) {
        String value = config.get(PREFIX + key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be an integer, got '" + value + "'", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "MqttSettings[brokerUrl=" + brokerUrl + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", qos=" + qos + ", queueCapacity="
                + queueCapacity + ", connectTimeout=" + connectTimeout + ", keepAlive=" + keepAlive + ", version="
                + version.configValue() + ", sharedGroup=" + (sharedGroup == null ? "none" : sharedGroup)
                + (tls.isDefault() ? "" : ", tls=" + tls) + "]";
    }
}
