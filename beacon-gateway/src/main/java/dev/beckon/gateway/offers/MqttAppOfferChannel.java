package dev.beckon.gateway.offers;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.gateway.acl.TopicAcl;
import dev.beckon.gateway.mqtt.MqttConnection;
import dev.beckon.gateway.mqtt.MqttProtocol;
import dev.beckon.gateway.mqtt.MqttPublishException;
import dev.beckon.gateway.mqtt.MqttSettings;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonObject;

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
 * object but is not one is a permanent failure; no connection, a broker error (with MQTT 5, a PUBACK reason code such as 0x87 not authorized) or no PUBACK in
 * time is retryable. The connection ({@link MqttConnection}: MQTT 5 or 3.1.1 as {@link MqttSettings#version()} asks)
 * is made by {@link #start()} and kept up by Paho's automatic reconnect (clean session, in-memory persistence, so an
 * offer in flight during a restart is retried by the dispatcher, not by Paho).
 */
public final class MqttAppOfferChannel implements Channel, AutoCloseable {

    /** The channel id in the engine's registry: the engine finds a message's channel by its type in lower case. */
    public static final String ID = "app";
    private static final System.Logger LOG = System.getLogger(MqttAppOfferChannel.class.getName());

    private final MqttSettings settings;
    private final Duration sendTimeout;
    private final MqttConnection connection;
    private volatile String lastConnectFailure;

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
        this.connection = MqttConnection.open(settings, settings.clientId() + "-offers", new Events());
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
        connection.connect();
    }

    /** Whether the channel is connected to the broker now. */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** The protocol of the last successful connection; null before the first. */
    public MqttProtocol protocol() {
        return connection.protocol();
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
            String why = lastConnectFailure;
            return DeliveryReceipt.Failed.retryable("not connected to the MQTT broker at " + settings.brokerUrl()
                    + (why == null ? "" : " (" + why + ")"), null);
        }
        try {
            connection.publish(topic, bytes, 1, Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            return new DeliveryReceipt.Sent(message.id().value(), "puback");
        } catch (MqttPublishException e) {
            LOG.log(System.Logger.Level.WARNING, "offer {0} of shop {1} to app install {2} not published: {3}",
                    message.id(), message.shop(), installId, e.getMessage());
            return DeliveryReceipt.Failed.retryable(e.getMessage(), null);
        }
    }

    /** Disconnects and releases the client. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    private boolean awaitConnection(long deadlineNanos) {
        while (!connection.isConnected()) {
            connection.connect();
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

    /** Logs what the connection reports; the channel receives no messages. */
    private final class Events implements MqttConnection.Listener {

        @Override
        public void connected(boolean reconnect, String serverUri, MqttProtocol protocol) {
            lastConnectFailure = null;
            LOG.log(System.Logger.Level.INFO, "offer channel {0} to {1} with {2}",
                    reconnect ? "reconnected" : "connected", serverUri, protocol);
        }

        @Override
        public void connectionLost(String cause) {
            LOG.log(System.Logger.Level.WARNING, "offer channel lost its MQTT connection to {0}, reconnecting: {1}",
                    settings.brokerUrl(), cause);
        }

        @Override
        public void connectFailed(MqttConnection.ConnectFailure failure) {
            // the next send or start tries again
            lastConnectFailure = failure.reason();
            LOG.log(System.Logger.Level.DEBUG, "offer channel: {0}", failure.reason());
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
