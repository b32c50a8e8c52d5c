package dev.beckon.gateway.offers;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.acl.TopicAcl;
import dev.beckon.gateway.mqtt.MqttSettings;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonObject;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link ChannelType#APP} channel: publishes an offer to the shopper's app install on
 * {@code beckon/<shopId>/apps/<installId>/offers} with QoS 1 (the broker's PUBACK is the receipt; the app may get a
 * QoS 1 duplicate and deduplicates by {@code messageId}). {@link OutboundMessage#to()} is the install id, and
 * {@link OutboundMessage#body()} the offer: a JSON object as is, or plain text (the engine's rendered push text,
 * which does not start with <code>{</code>) as {@code {"text": <body>}}. The payload (UTF-8 JSON):
 *
 * <pre>{@code
 * {"v": 1, "messageId": "...", "idempotencyKey": "...", "shopId": "...", "subject": "..." (if any),
 *  "offer": <the body's JSON object>}
 * }</pre>
 *
 * <p>Contract ({@link Channel}): {@link #send} is thread-safe, blocks at most the send timeout waiting for the
 * PUBACK, and never throws for delivery problems: a bad install id, a blank body or a body that starts like a JSON
 * object but is not one is a permanent failure; no connection, a broker error or no PUBACK in time is retryable. The connection is made by
 * {@link #start()} and kept up by Paho's automatic reconnect (clean session, in-memory persistence, so an offer in
 * flight during a restart is retried by the dispatcher, not by Paho).
 */
public final class MqttAppOfferChannel implements Channel, AutoCloseable {

    /** The channel id in the engine's registry: the engine finds a message's channel by its type in lower case. */
    public static final String ID = "app";
    private static final System.Logger LOG = System.getLogger(MqttAppOfferChannel.class.getName());

    private final MqttSettings settings;
    private final Duration sendTimeout;
    private final MqttAsyncClient client;
    private final Object connecting = new Object();

    /**
     * @param settings    the broker and the suite's credentials; the client id gets {@code -offers} appended so it
     *                    never collides with the ingestor's; never null
     * @param sendTimeout how long a send waits for connection and PUBACK; positive
     * @throws IllegalArgumentException when Paho cannot use the URL or client id
     */
    public MqttAppOfferChannel(MqttSettings settings, Duration sendTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("sendTimeout must be positive, got " + sendTimeout);
        }
        try {
            this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId() + "-offers",
                    new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + settings, e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelType type() {
        return ChannelType.APP;
    }

    /** Starts connecting; returns without waiting. Paho reconnects by itself after the first success. */
    public void start() {
        connectIfNeeded();
    }

    /** Whether the channel is connected to the broker now. */
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        Objects.requireNonNull(message, "message");
        String installId = message.to();
        if (!JdbcCredentialStore.isInstallId(installId) || !JdbcCredentialStore.isInstallId(message.shop().value())) {
            return DeliveryReceipt.Failed.permanent("the app install id '" + shorten(installId)
                    + "' (or the shop id) cannot be an MQTT topic level");
        }
        JsonObject offer = offer(message.body());
        if (offer == null) {
            return DeliveryReceipt.Failed.permanent("the offer body is blank, or not JSON (one object and nothing"
                    + " after it) although it starts with '{'");
        }
        JsonObjectBuilder payload = Json.createObjectBuilder().add("v", 1)
                .add("messageId", message.id().value())
                .add("idempotencyKey", message.idempotencyKey())
                .add("shopId", message.shop().value());
        if (message.subject() != null) {
            payload.add("subject", message.subject());
        }
        byte[] bytes = payload.add("offer", offer).build().toString().getBytes(StandardCharsets.UTF_8);
        String topic = TopicAcl.offerTopic(message.shop(), installId);
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        if (!awaitConnection(deadline)) {
            return DeliveryReceipt.Failed.retryable("not connected to the MQTT broker at " + settings.brokerUrl(),
                    null);
        }
        try {
            MqttMessage mqtt = new MqttMessage(bytes);
            mqtt.setQos(1);
            mqtt.setRetained(false);
            IMqttDeliveryToken token = client.publish(topic, mqtt);
            token.waitForCompletion(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (!token.isComplete()) {
                return DeliveryReceipt.Failed.retryable("no PUBACK from the broker within " + sendTimeout, null);
            }
            return new DeliveryReceipt.Sent(message.id().value(), "puback");
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "offer {0} of shop {1} to app install {2} not published: {3}",
                    message.id(), message.shop(), installId, e.getMessage());
            return DeliveryReceipt.Failed.retryable("MQTT publish failed: " + e.getMessage() + " (reason "
                    + e.getReasonCode() + ")", null);
        }
    }

    /** Disconnects and releases the client. Idempotent. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(settings.connectTimeout().toMillis());
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT disconnect of the offer channel failed: {0}", e.getMessage());
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

    private boolean awaitConnection(long deadlineNanos) {
        while (!client.isConnected()) {
            connectIfNeeded();
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** One connection attempt at a time; Paho's automatic reconnect takes over once connected. */
    private void connectIfNeeded() {
        synchronized (connecting) {
            if (client.isConnected()) {
                return;
            }
            MqttConnectOptions options = new MqttConnectOptions();
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
                client.connect(options);
            } catch (MqttException e) {
                // a connect already in progress (32110) or refused; the next send or start tries again
                LOG.log(System.Logger.Level.DEBUG, "offer channel connect to {0}: {1}", settings.brokerUrl(),
                        e.getMessage());
            }
        }
    }

    /**
     * The offer a body stands for: one JSON object with nothing after it, or {@code {"text": body}} for plain text;
     * null for a blank body or one that starts with <code>{</code> but is not one JSON object.
     */
    static JsonObject offer(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (!body.stripLeading().startsWith("{")) {
            return Json.createObjectBuilder().add("text", body.strip()).build();
        }
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? null : object;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text == null ? "null" : text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
