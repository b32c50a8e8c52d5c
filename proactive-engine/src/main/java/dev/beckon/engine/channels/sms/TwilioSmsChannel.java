package dev.beckon.engine.channels.sms;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SMS through Twilio's Messages API (or any provider that speaks it): {@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded {@code To}, {@code From} (or
 * {@code MessagingServiceSid}) and {@code Body}, HTTP basic auth. One attempt per call; 429 and 5xx answers
 * and network errors are retryable, other refusals are not. Thread-safe.
 */
public final class TwilioSmsChannel implements Channel {

    /** Looked up once: {@code Json.createX} looks the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String ID = "sms";

    private final TwilioSettings settings;
    private final HttpClient http;
    /** Made once: the messages URI (a regex and a parse) and the credentials' header (Base64) never change. */
    private final URI messagesUri;
    private final String authorization;

    public TwilioSmsChannel(TwilioSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    TwilioSmsChannel(TwilioSettings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings);
        this.http = Objects.requireNonNull(http);
        this.messagesUri = settings.messagesUri();
        this.authorization = basicAuth(settings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        if (!settings.configured()) {
            return DeliveryReceipt.Failed.permanent("the SMS provider is not configured: set BECKON_SMS_ACCOUNT_SID,"
                    + " BECKON_SMS_AUTH_TOKEN and BECKON_SMS_FROM");
        }
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(settings.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(message)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return DeliveryReceipt.Failed.retryable("SMS provider unreachable at " + settings.baseUrl() + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryReceipt.Failed.retryable("interrupted while calling the SMS provider", null);
        }
        return receipt(response);
    }

    private DeliveryReceipt receipt(HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<JsonObject> json = parse(response.body());
        if (status >= 200 && status < 300) {
            String sid = json.map(j -> string(j, "sid")).orElse(null);
            if (sid == null) {
                return DeliveryReceipt.Failed.permanent("SMS provider answered " + status
                        + " without a message sid; it may or may not send the message");
            }
            return new DeliveryReceipt.Sent(sid, json.map(j -> string(j, "status")).orElse("queued"));
        }
        String code = json.map(j -> string(j, "code")).orElse(null);
        String text = json.map(j -> string(j, "message")).orElse(null);
        String reason = "SMS provider refused the message (HTTP " + status + (code == null ? "" : ", code " + code)
                + ")" + (text == null ? "" : ": " + text);
        if (status == 429 || status >= 500) {
            return DeliveryReceipt.Failed.retryable(reason, retryAfter(response));
        }
        return DeliveryReceipt.Failed.permanent(reason);
    }

    private String form(OutboundMessage message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("To", message.to());
        fields.put(settings.from().startsWith("MG") ? "MessagingServiceSid" : "From", settings.from());
        fields.put("Body", message.body());
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String basicAuth(TwilioSettings settings) {
        String pair = settings.accountSid() + ":" + settings.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date; the backoff decides
            }
        }).orElse(null);
    }

    private static Optional<JsonObject> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }
}
