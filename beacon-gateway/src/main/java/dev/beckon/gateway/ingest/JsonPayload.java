package dev.beckon.gateway.ingest;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Lenient reading of scanner JSON with JSON-P: absent fields and wrong types are empty values, never exceptions.
 * Thread-safe (the reader factory is).
 */
final class JsonPayload {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonPayload() {
    }

    /** The payload as a JSON object, or empty when it is not UTF-8 JSON with an object at the top. */
    static Optional<JsonObject> object(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Optional.empty();
        }
        // decoded to a String first: a reader over an InputStream allocates an 8 KB decoder buffer per message
        try (JsonReader reader = READERS.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException malformed) {
            // JsonParsingException, JsonException, or a decoder error on invalid UTF-8: all are bad input
            return Optional.empty();
        }
    }

    /** A string field, stripped; empty when absent, not a string, or blank. */
    static Optional<String> string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return Optional.of(text.getString().strip());
        }
        return Optional.empty();
    }

    /** A numeric field, also accepted as a numeric string; empty when absent or not a finite number. */
    static OptionalDouble number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        double number;
        if (value instanceof JsonNumber json) {
            number = json.doubleValue();
        } else if (value instanceof JsonString text) {
            try {
                number = Double.parseDouble(text.getString().strip());
            } catch (NumberFormatException notANumber) {
                return OptionalDouble.empty();
            }
        } else {
            return OptionalDouble.empty();
        }
        return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
    }

    /** Whether the field is present with any value, null included. */
    static boolean has(JsonObject object, String name) {
        return object.containsKey(name);
    }

    /**
     * A timestamp: an ISO-8601 instant or offset date-time string, or integral epoch milliseconds.
     *
     * @return empty when the field is absent; a result holding null when it is present but unreadable
     */
    static Optional<Optional<Instant>> instant(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value instanceof JsonNumber number && number.isIntegral()) {
                return Optional.of(Optional.of(Instant.ofEpochMilli(number.longValueExact())));
            }
            if (value instanceof JsonString text) {
                return Optional.of(Optional.of(OffsetDateTime.parse(text.getString().strip()).toInstant()));
            }
        } catch (ArithmeticException | DateTimeException unreadable) {
            return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.empty());
    }
}
