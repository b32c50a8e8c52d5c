package dev.beckon.gateway.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.ssl.SSLSocketFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link MqttConnection} over Paho's MQTT 3.1.1 client ({@code mqttv3}): clean session, automatic reconnect,
 * {@code maxInflight} 1000 (Paho's default of 10 fails publishes under load). A CONNACK with return code 1
 * (unacceptable protocol version) is reported as {@link MqttConnection.ConnectFailure#protocolRefused()}.
 */
final class Mqtt311Connection implements MqttConnection {

    private static final System.Logger LOG = System.getLogger(Mqtt311Connection.class.getName());

    private final MqttSettings settings;
    private final Listener listener;
    private final MqttAsyncClient client;
    private final AtomicBoolean attempting = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile MqttProtocol protocol;

    private final SSLSocketFactory tls;

    /** @param tls the socket factory for {@code ssl://}, null for {@code tcp://} */
    Mqtt311Connection(MqttSettings settings, String clientId, Listener listener, SSLSocketFactory tls) {
        this.settings = settings;
        this.tls = tls;
        this.listener = listener;
        try {
            client = new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT 3.1.1 client for " + settings, e);
        }
        client.setCallback(new Callback());
    }

    @Override
    public void connect() {
        if (closed.get() || client.isConnected() || !attempting.compareAndSet(false, true)) {
            return;
        }
        MqttConnectOptions options = new MqttConnectOptions();
        if (tls != null) {
            options.setSocketFactory(tls);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(30_000);
        options.setMaxInflight(1000);
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        options.setKeepAliveInterval((int) Math.max(1, settings.keepAlive().toSeconds()));
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    attempting.set(false);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    attempting.set(false);
                    listener.connectFailed(failure(failure));
                }
            });
        } catch (MqttException | RuntimeException e) {
            attempting.set(false);
            listener.connectFailed(failure(e));
        }
    }

    private ConnectFailure failure(Throwable failure) {
        String tlsFailure = tls == null ? null : settings.tls().describeFailure(failure, settings.brokerUrl());
        if (tlsFailure != null) {
            return new ConnectFailure(tlsFailure, false);
        }
        if (failure instanceof MqttException mqtt) {
            int code = mqtt.getReasonCode();
            if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
                return new ConnectFailure("the MQTT broker at " + settings.brokerUrl() + " refused the credentials"
                        + " (user " + (settings.username() == null ? "none, anonymous" : "'" + settings.username() + "'")
                        + "): CONNACK return code " + code + (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        ? " bad user name or password" : " not authorized"), false);
            }
            boolean refused = mqtt.getReasonCode() == MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION;
            return new ConnectFailure("MQTT 3.1.1 connect to " + settings.brokerUrl() + " failed: " + describe(mqtt),
                    refused);
        }
        return new ConnectFailure("MQTT 3.1.1 connect to " + settings.brokerUrl() + " failed: "
                + (failure == null ? "unknown" : failure.getMessage()), false);
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public MqttProtocol protocol() {
        return protocol;
    }

    @Override
    public void subscribe(List<String> filters, int qos) {
        int[] qosLevels = new int[filters.size()];
        Arrays.fill(qosLevels, qos);
        try {
            client.subscribe(filters.toArray(String[]::new), qosLevels, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    for (int i = 0; granted != null && i < granted.length && i < filters.size(); i++) {
                        if (granted[i] >= 0x80) {
                            LOG.log(System.Logger.Level.ERROR, "the MQTT broker at {0} refused the subscription to"
                                    + " {1}: SUBACK return code 0x{2}", settings.brokerUrl(), filters.get(i),
                                    Integer.toHexString(granted[i]));
                        }
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.log(System.Logger.Level.ERROR, "subscribing to {0} on {1} failed: {2}", filters,
                            settings.brokerUrl(), failure == null ? "unknown" : failure.getMessage());
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "subscribing to " + filters + " on " + settings.brokerUrl()
                    + " failed", e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, Duration timeout) throws MqttPublishException {
        IMqttDeliveryToken token;
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(qos);
            message.setRetained(false);
            token = client.publish(topic, message);
            token.waitForCompletion(Math.max(1, timeout.toMillis()));
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                throw new MqttPublishException("no acknowledgement from the MQTT broker within " + timeout, e);
            }
            throw new MqttPublishException("MQTT 3.1.1 publish failed: " + describe(e), e);
        }
        if (!token.isComplete()) {
            throw new MqttPublishException("no acknowledgement from the MQTT broker within " + timeout);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(settings.connectTimeout().toMillis());
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT disconnect from {0} failed: {1}", settings.brokerUrl(),
                    e.getMessage());
        }
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException ignored) {
            // already disconnected
        }
        try {
            client.close();
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "MQTT client close: {0}", e.getMessage());
        }
    }

    private static String describe(MqttException e) {
        String cause = e.getCause() == null ? "" : ", " + e.getCause();
        return e.getMessage() + " (reason " + e.getReasonCode() + cause + ")";
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            protocol = MqttProtocol.MQTT_3_1_1;
            listener.connected(reconnect, serverUri, MqttProtocol.MQTT_3_1_1);
        }

        @Override
        public void connectionLost(Throwable cause) {
            listener.connectionLost(cause == null ? "unknown" : String.valueOf(cause.getMessage()));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.messageArrived(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish waits on its token
        }
    }
}
