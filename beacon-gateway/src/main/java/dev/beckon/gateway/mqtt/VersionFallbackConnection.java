package dev.beckon.gateway.mqtt;

import javax.net.ssl.SSLSocketFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link MqttVersion#AUTO} connection: each attempt connects with MQTT 5 and, when the broker refuses that
 * protocol version ({@link MqttConnection.ConnectFailure#protocolRefused()}), at once with MQTT 3.1.1 under the same
 * client id. The first connection that succeeds settles the protocol for the life of this object (Paho's automatic
 * reconnect keeps using that client); which one is logged once. Until then, every attempt starts with MQTT 5 again, so
 * a broker that merely dropped a connection is not taken for a 3.1.1 broker for good.
 */
final class VersionFallbackConnection implements MqttConnection {

    private static final System.Logger LOG = System.getLogger(VersionFallbackConnection.class.getName());

    private final MqttSettings settings;
    private final String clientId;
    private final Listener listener;
    private final MqttConnection mqtt5;
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();
    private final AtomicBoolean settledLogged = new AtomicBoolean();
    private final Object attempts = new Object();
    private MqttConnection mqtt311;
    private volatile MqttConnection settled;
    private volatile String refusal;
    /** While {@link System#nanoTime()} is before this, an attempt is under way; a lost callback expires it. */
    private long attemptUntilNanos;
    private boolean attempting;
    private volatile boolean closed;

    private final SSLSocketFactory tls;

    /** @param tls the socket factory for {@code ssl://}, null for {@code tcp://} */
    VersionFallbackConnection(MqttSettings settings, String clientId, Listener listener, SSLSocketFactory tls) {
        this.tls = tls;
        this.settings = settings;
        this.clientId = clientId;
        this.listener = listener;
        this.mqtt5 = new Mqtt5Connection(settings, clientId, new Inner(false), tls);
    }

    @Override
    public void connect() {
        MqttConnection current = settled;
        if (current != null) {
            current.connect();
            return;
        }
        synchronized (attempts) {
            if (closed || (attempting && System.nanoTime() - attemptUntilNanos < 0)) {
                return;
            }
            attempting = true;
            attemptUntilNanos = System.nanoTime() + settings.connectTimeout().multipliedBy(2)
                    .plus(Duration.ofSeconds(5)).toNanos();
        }
        mqtt5.connect();
    }

    @Override
    public boolean isConnected() {
        MqttConnection current = settled;
        return current != null && current.isConnected();
    }

    @Override
    public MqttProtocol protocol() {
        MqttConnection current = settled;
        return current == null ? null : current.protocol();
    }

    @Override
    public void subscribe(List<String> filters, int qos) {
        MqttConnection current = settled;
        if (current == null) {
            LOG.log(System.Logger.Level.WARNING, "not subscribing to {0}: not connected to {1} yet", filters,
                    settings.brokerUrl());
            return;
        }
        current.subscribe(filters, qos);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, Duration timeout) throws MqttPublishException {
        MqttConnection current = settled;
        if (current == null) {
            throw new MqttPublishException("not connected to the MQTT broker at " + settings.brokerUrl());
        }
        current.publish(topic, payload, qos, timeout);
    }

    @Override
    public void close() {
        closed = true;
        mqtt5.close();
        synchronized (attempts) {
            if (mqtt311 != null) {
                mqtt311.close();
            }
        }
    }

    private MqttConnection mqtt311() {
        synchronized (attempts) {
            if (mqtt311 == null) {
                mqtt311 = new Mqtt311Connection(settings, clientId, new Inner(true), tls);
            }
            return mqtt311;
        }
    }

    private void attemptOver() {
        synchronized (attempts) {
            attempting = false;
        }
    }

    /** Receives one inner connection's reports: forwards them, and turns a refusal of MQTT 5 into a 3.1.1 attempt. */
    private final class Inner implements Listener {

        private final boolean isFallback;

        Inner(boolean isFallback) {
            this.isFallback = isFallback;
        }

        @Override
        public void messageArrived(String topic, byte[] payload) {
            listener.messageArrived(topic, payload);
        }

        @Override
        public void connected(boolean reconnect, String serverUri, MqttProtocol protocol) {
            settled = isFallback ? mqtt311 : mqtt5;
            attemptOver();
            if (settledLogged.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.INFO, "using {0} with the broker at {1}{2}", protocol,
                        settings.brokerUrl(), isFallback ? " (" + refusal + ")" : "");
            }
            listener.connected(reconnect, serverUri, protocol);
        }

        @Override
        public void connectionLost(String cause) {
            listener.connectionLost(cause);
        }

        @Override
        public void connectFailed(ConnectFailure failure) {
            if (!isFallback && failure.protocolRefused() && !closed) {
                refusal = failure.reason();
                if (fallbackLogged.compareAndSet(false, true)) {
                    LOG.log(System.Logger.Level.INFO, "{0}; connecting with MQTT 3.1.1", failure.reason());
                }
                mqtt311().connect();
                return;
            }
            attemptOver();
            listener.connectFailed(failure);
        }
    }
}
