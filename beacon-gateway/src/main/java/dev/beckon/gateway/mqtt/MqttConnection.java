package dev.beckon.gateway.mqtt;

import javax.net.ssl.SSLSocketFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One client connection to the MQTT broker, whichever protocol it speaks: the seam between the gateway's MQTT users
 * (the {@link MqttIngestor} and the app-offer channel) and the two Eclipse Paho clients (MQTT 5 and MQTT 3.1.1).
 * {@link #open} picks the implementation from {@link MqttSettings#version()}.
 *
 * <p>Every implementation connects with a clean session that ends with the connection (MQTT 5: clean start and
 * session expiry 0), Paho's automatic reconnect (at most 30 s apart) once connected, the settings' credentials, and
 * TLS for {@code ssl://} URLs with {@link MqttSettings#tls()} (the trust store and the client certificate; by default
 * the JVM's SSL context) and host-name verification on. A connect failure caused by TLS (the broker's certificate not
 * trusted, the broker refusing the client certificate or its absence) or by the broker refusing the credentials is
 * reported with that reason, never as a refused protocol version. A clean session forgets subscriptions, so a user subscribes
 * again in {@link Listener#connected}.
 *
 * <p>Threads: all methods may be called from any thread; {@link #publish} blocks up to its timeout, the others
 * return at once. The {@link Listener} is called on Paho's threads.
 */
public interface MqttConnection extends AutoCloseable {

    /**
     * Opens (without connecting) the connection the settings ask for.
     *
     * @param settings the broker, credentials and protocol version; never null
     * @param clientId the MQTT client id, unique per connection; never null
     * @param listener told about messages and connection changes; never null
     * @throws IllegalArgumentException when Paho cannot use the URL or client id, or a TLS file cannot be used
     */
    static MqttConnection open(MqttSettings settings, String clientId, Listener listener) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(listener, "listener");
        SSLSocketFactory tls = settings.socketFactory();
        return switch (settings.version()) {
            case MQTT_5 -> new Mqtt5Connection(settings, clientId, listener, tls);
            case MQTT_3_1_1 -> new Mqtt311Connection(settings, clientId, listener, tls);
            case AUTO -> new VersionFallbackConnection(settings, clientId, listener, tls);
        };
    }

    /**
     * Starts one connection attempt and returns without waiting; the outcome goes to the listener. Does nothing while
     * connected or while an attempt is under way. Once connected, Paho reconnects by itself after a loss.
     */
    void connect();

    /** Whether the connection is up now. */
    boolean isConnected();

    /** The protocol of the last successful connection; null before the first. */
    MqttProtocol protocol();

    /**
     * Subscribes to the filters without waiting; a filter the broker refuses is logged with the broker's reason.
     *
     * @param filters topic filters (with {@code $share/<group>/} where meant); never null or empty
     * @param qos     0, 1 or 2
     */
    void subscribe(List<String> filters, int qos);

    /**
     * Publishes a non-retained message and waits for the broker's acknowledgement (QoS 1 and 2) or for the message
     * to be written (QoS 0).
     *
     * @throws MqttPublishException when not connected, the broker refused the message, or no acknowledgement came
     *                              within {@code timeout}
     */
    void publish(String topic, byte[] payload, int qos, Duration timeout) throws MqttPublishException;

    /** Disconnects (waiting at most the connect timeout) and releases the client. Idempotent. */
    @Override
    void close();

    /**
     * What a connection reports, on Paho's threads. Implementations never block and never throw.
     */
    interface Listener {

        /** A message arrived on a subscribed filter; copy and hand off, never block. */
        default void messageArrived(String topic, byte[] payload) {
        }

        /**
         * The connection is up, first ({@code reconnect} false) or again after a loss.
         *
         * @param protocol the protocol it speaks
         */
        default void connected(boolean reconnect, String serverUri, MqttProtocol protocol) {
        }

        /** The connection was lost; Paho reconnects by itself. */
        default void connectionLost(String cause) {
        }

        /** A connection attempt started by {@link #connect()} failed; nothing retries it but the caller. */
        default void connectFailed(ConnectFailure failure) {
        }
    }

    /**
     * Why a connection attempt failed.
     *
     * @param reason          for a log line or a status page, naming the broker; never null
     * @param protocolRefused whether the broker refused the protocol version asked for (MQTT 5 CONNACK reason 0x84,
     *                        a 3.1.1 broker's return code 1, or the broker closing the connection on the CONNECT)
     */
    record ConnectFailure(String reason, boolean protocolRefused) {

        public ConnectFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
