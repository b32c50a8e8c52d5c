package dev.beckon.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

import javax.net.ssl.SSLSocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link MqttConnection} over Paho's MQTT 5 client: clean start with session expiry 0 (the session ends with the
 * connection, as a 3.1.1 clean session does), automatic reconnect, and the broker's reason codes in SUBACK and
 * PUBACK read (a refused filter is logged, a refused publish is an {@link MqttPublishException}). A broker that
 * answers the CONNECT as a 3.1.1 broker, with reason 0x84, or by closing the connection is reported as
 * {@link MqttConnection.ConnectFailure#protocolRefused()}.
 */
final class Mqtt5Connection implements MqttConnection {

    private static final System.Logger LOG = System.getLogger(Mqtt5Connection.class.getName());

    private final MqttSettings settings;
    private final Listener listener;
    private final MqttAsyncClient client;
    private final AtomicBoolean attempting = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile MqttProtocol protocol;

    private final SSLSocketFactory tls;

    /** @param tls the socket factory for {@code ssl://}, null for {@code tcp://} */
    Mqtt5Connection(MqttSettings settings, String clientId, Listener listener, SSLSocketFactory tls) {
        this.settings = settings;
        this.tls = tls;
        this.listener = listener;
        try {
            client = new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT 5 client for " + settings, e);
        }
        client.setCallback(new Callback());
    }

    @Override
    public void connect() {
        if (closed.get() || client.isConnected() || !attempting.compareAndSet(false, true)) {
            return;
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (tls != null) {
            options.setSocketFactory(tls);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        options.setKeepAliveInterval((int) Math.max(1, settings.keepAlive().toSeconds()));
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options, null, new MqttActionListener() {
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
            if (code == MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD
                    || code == MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED) {
                return new ConnectFailure("the MQTT broker at " + settings.brokerUrl() + " refused the credentials"
                        + " (user " + (settings.username() == null ? "none, anonymous" : "'" + settings.username() + "'")
                        + "): CONNACK reason 0x" + Integer.toHexString(code) + (code == 0x86
                        ? " bad user name or password" : " not authorized"), false);
            }
            if (code == MqttReturnCode.RETURN_CODE_UNSUPPORTED_PROTOCOL_VERSION) {
                return new ConnectFailure("the MQTT broker at " + settings.brokerUrl() + " refused MQTT 5 (CONNACK"
                        + " reason 0x84, unsupported protocol version)", true);
            }
            if (code == MqttException.REASON_CODE_INVALID_RETURN_CODE
                    || code == MqttException.REASON_CODE_MALFORMED_PACKET) {
                return new ConnectFailure("the MQTT broker at " + settings.brokerUrl() + " does not speak MQTT 5: it"
                        + " answered the CONNECT with a CONNACK that is not MQTT 5 (" + mqtt.getMessage()
                        + "), as a 3.1.1-only broker does", true);
            }
            if (code == MqttClientException.REASON_CODE_CONNECTION_LOST) {
                return new ConnectFailure("the MQTT broker at " + settings.brokerUrl() + " closed the connection on"
                        + " the MQTT 5 CONNECT (" + describe(mqtt) + ")", true);
            }
            return new ConnectFailure("MQTT 5 connect to " + settings.brokerUrl() + " failed: " + describe(mqtt),
                    false);
        }
        return new ConnectFailure("MQTT 5 connect to " + settings.brokerUrl() + " failed: "
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
        MqttSubscription[] subscriptions = filters.stream().map(filter -> new MqttSubscription(filter, qos))
                .toArray(MqttSubscription[]::new);
        try {
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    for (int i = 0; codes != null && i < codes.length && i < filters.size(); i++) {
                        if (codes[i] >= 0x80) {
                            LOG.log(System.Logger.Level.ERROR, "the MQTT broker at {0} refused the subscription to"
                                    + " {1}: SUBACK reason 0x{2}", settings.brokerUrl(), filters.get(i),
                                    Integer.toHexString(codes[i]));
                        }
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.log(System.Logger.Level.ERROR, "subscribing to {0} on {1} failed: {2}", filters,
                            settings.brokerUrl(), failure == null ? "unknown" : failure.getMessage());
                }
            }, new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "subscribing to " + filters + " on " + settings.brokerUrl()
                    + " failed", e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, Duration timeout) throws MqttPublishException {
        IMqttToken token;
        try {
            token = client.publish(topic, payload, qos, false);
            token.waitForCompletion(Math.max(1, timeout.toMillis()));
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
                throw new MqttPublishException("no acknowledgement from the MQTT broker within " + timeout, e);
            }
            throw new MqttPublishException("MQTT 5 publish failed: " + describe(e), e);
        }
        if (!token.isComplete()) {
            throw new MqttPublishException("no acknowledgement from the MQTT broker within " + timeout);
        }
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            throw new MqttPublishException("the MQTT broker refused the message: PUBACK reason 0x"
                    + Integer.toHexString(codes[0]));
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
            LOG.log(System.Logger.Level.WARNING, "MQTT 5 disconnect from {0} failed: {1}", settings.brokerUrl(),
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
            LOG.log(System.Logger.Level.DEBUG, "MQTT 5 client close: {0}", e.getMessage());
        }
    }

    private static String describe(MqttException e) {
        String cause = e.getCause() == null ? "" : ", " + e.getCause();
        return e.getMessage() + " (reason " + e.getReasonCode() + cause + ")";
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            protocol = MqttProtocol.MQTT_5;
            listener.connected(reconnect, serverUri, MqttProtocol.MQTT_5);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String cause = response == null ? "unknown"
                    : response.getException() != null ? response.getException().getMessage()
                    : "DISCONNECT reason 0x" + Integer.toHexString(response.getReturnCode())
                    + (response.getReasonString() == null ? "" : " " + response.getReasonString());
            listener.connectionLost(cause);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.log(System.Logger.Level.WARNING, "MQTT 5 error from {0}: {1}", settings.brokerUrl(),
                    exception == null ? "unknown" : describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.messageArrived(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish waits on its token
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
