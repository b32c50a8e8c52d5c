package dev.beckon.suite.video;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The fields of a merchant's JSON request body, each refused ({@link BadVideoRequest}, a 400) naming the field when
 * it has the wrong type or length. Pure; thread-safe.
 */
final class JsonFields {

    static final int MAX_TEXT = 200;

    private final JsonObject fields;

    private JsonFields(JsonObject fields) {
        this.fields = fields;
    }

    /**
     * @param expected what to send, for the 400 when the body is not a JSON object
     * @param optional whether an empty body means "no fields"
     */
    static JsonFields parse(String body, String expected, boolean optional) {
        if (body == null || body.isBlank()) {
            if (optional) {
                return new JsonFields(JsonValue.EMPTY_JSON_OBJECT);
            }
            throw new BadVideoRequest("send a JSON object " + expected);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return new JsonFields(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw new BadVideoRequest("send a JSON object " + expected);
        }
    }

    /** A string field, stripped; empty when absent, null or blank. */
    Optional<String> text(String name) {
        return text(name, MAX_TEXT);
    }

    Optional<String> text(String name, int max) {
        JsonValue value = fields.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw new BadVideoRequest(name + " must be a string");
        }
        String text = string.getString().strip();
        if (text.length() > max) {
            throw new BadVideoRequest(name + " must be at most " + max + " characters");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String requiredText(String name, int max) {
        return text(name, max).orElseThrow(() -> new BadVideoRequest(name + " is required"));
    }

    /** An ISO-8601 instant with an offset, e.g. {@code 2026-12-03T18:00:00Z}. */
    Optional<Instant> instant(String name) {
        return text(name, 64).map(v -> {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadVideoRequest(name + " must be an ISO-8601 time with an offset, such as "
                        + "2026-12-03T18:00:00Z, not '" + v + "'");
            }
        });
    }

    /** A positive ISO-8601 duration such as {@code P7D}. */
    Optional<Duration> duration(String name) {
        return text(name, 64).map(v -> {
            Duration duration;
            try {
                duration = Duration.parse(v);
            } catch (DateTimeParseException e) {
                throw new BadVideoRequest(name + " must be an ISO-8601 duration such as P7D or PT12H, not '" + v
                        + "'");
            }
            if (duration.getSeconds() < 1) {
                throw new BadVideoRequest(name + " must be at least one second, not " + v);
            }
            return duration;
        });
    }

    /** Present with the value null: the caller clears the setting. */
    boolean isNull(String name) {
        JsonValue value = fields.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.NULL;
    }

    /** The raw value; null when absent. */
    JsonValue value(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }
}
