package dev.beckon.adapters.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, fail-fast reads from one JSON object of a platform payload (Shopify, WooCommerce, BigCommerce, Beckon's
 * own Standard Webhooks envelope).
 *
 * <p>Absent fields and JSON {@code null} read as "not there" ({@code null}, empty). A field that is there with
 * the wrong type or an unreadable value throws {@link MalformedPayloadException} naming the field by its path
 * ({@code line_items[0].price}). Ids are read exactly, as strings: Shopify ids exceed 2<sup>53</sup>, so they never
 * go through {@code double}; amounts are {@link BigDecimal}, never {@code double}. Immutable and thread-safe.
 */
public final class JsonView {

    /** Integer digits beyond this are not an id or an amount a platform sends; refusing them bounds the work. */
    private static final int MAX_INTEGER_DIGITS = 40;
    private static final int MAX_FRACTION_DIGITS = 20;

    /** Thread-safe per the JSON-P contract; shared by every parse. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject object;
    private final String path;

    private JsonView(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The top-level object of a body. */
    public static JsonView root(JsonObject object) {
        return new JsonView(object, "");
    }

    /**
     * The top-level object of a raw body, parsed as UTF-8.
     *
     * @throws MalformedPayloadException "is not JSON" or "is not a JSON object"; the message names no field, so
     *                                   callers prefix it with what the body is ({@code "order.placed body: "})
     */
    public static JsonView parse(byte[] body) {
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new MalformedPayloadException("is not JSON");
        } catch (RuntimeException e) {
            // Parsson refuses input nested more than 1000 levels deep with a plain RuntimeException
            throw new MalformedPayloadException("is not JSON Beckon reads: " + Excerpt.of(String.valueOf(e.getMessage())));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedPayloadException("is not a JSON object");
        }
        return root(value.asJsonObject());
    }

    /** The path of a field of this object, as reasons name it. */
    public String pathOf(String name) {
        return path + name;
    }

    /** A nested object; empty if absent or null. */
    public Optional<JsonView> object(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed(name, "is not an object");
        }
        return Optional.of(new JsonView(value.asJsonObject(), pathOf(name) + "."));
    }

    /** A nested object that must be there. */
    public JsonView requireObject(String name) {
        return object(name).orElseThrow(() -> missing(name));
    }

    /** The objects of an array; empty if absent or null. */
    public List<JsonView> objects(String name) {
        JsonArray array = array(name);
        List<JsonView> views = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue element = array.get(i);
            String elementPath = pathOf(name) + "[" + i + "]";
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedPayloadException(elementPath + " is not an object");
            }
            views.add(new JsonView(element.asJsonObject(), elementPath + "."));
        }
        return views;
    }

    /** The ids of an array of ids; empty if absent or null; null elements are skipped. */
    public List<String> ids(String name) {
        JsonArray array = array(name);
        List<String> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String id = idOf(array.get(i), pathOf(name) + "[" + i + "]");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** A text field (a number is read as its decimal text); null if absent, null or blank. */
    public String string(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            default -> throw malformed(name, "is not a string");
        };
        return text.isBlank() ? null : text.strip();
    }

    /** A text field that must be there. */
    public String requireString(String name) {
        String value = string(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** The first of the fields that has text; null if none has. */
    public String firstString(String... names) {
        for (String name : names) {
            String value = string(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** An id, given as an integer or a string, exactly as written; null if absent, null or blank. */
    public String id(String name) {
        return idOf(value(name), pathOf(name));
    }

    /** An id that must be there. */
    public String requireId(String name) {
        String id = id(name);
        if (id == null) {
            throw missing(name);
        }
        return id;
    }

    /** A boolean; null if absent or null. */
    public Boolean bool(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw malformed(name, "is not a boolean");
        };
    }

    /** A non-negative whole number that must be there. */
    public int requireCount(String name) {
        JsonValue value = value(name);
        if (value == null) {
            throw missing(name);
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw malformed(name, "is not a number");
        }
        try {
            int count = ((JsonNumber) value).intValueExact();
            if (count < 0) {
                throw malformed(name, "is negative");
            }
            return count;
        } catch (ArithmeticException e) {
            throw malformed(name, "is not a whole number of a sensible size");
        }
    }

    /** A decimal amount, given as a string ({@code "199.00"}) or a number; null if absent, null or blank. */
    public BigDecimal decimal(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        switch (value.getValueType()) {
            case NUMBER -> amount = ((JsonNumber) value).bigDecimalValue();
            case STRING -> {
                String text = ((JsonString) value).getString().strip();
                if (text.isEmpty()) {
                    return null;
                }
                if (text.length() > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS) {
                    throw malformed(name, "is not an amount of a sensible size");
                }
                try {
                    amount = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw malformed(name, "is not a decimal amount: '" + Excerpt.of(text) + "'");
                }
            }
            default -> throw malformed(name, "is not a decimal amount");
        }
        if (integerDigits(amount) > MAX_INTEGER_DIGITS || amount.scale() > MAX_FRACTION_DIGITS) {
            throw malformed(name, "is not an amount of a sensible size");
        }
        return amount;
    }

    /** An ISO-8601 timestamp with offset ({@code 2021-12-31T19:00:00-05:00}); null if absent, null or blank. */
    public Instant instant(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(name, "is not an ISO-8601 timestamp with offset: '" + Excerpt.of(text) + "'");
        }
    }

    /**
     * A UTC timestamp as WooCommerce writes its {@code *_gmt} fields: ISO-8601 without offset
     * ({@code 2017-03-22T19:28:02}), read as UTC; one with an offset or {@code Z} is read as such. Null if absent,
     * null or blank.
     */
    public Instant utcInstant(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(name, "is not an ISO-8601 date-time: '" + Excerpt.of(text) + "'");
            }
        }
    }

    /** A Unix time in whole seconds ({@code 1561479335}); null if absent or null. */
    public Instant epochSeconds(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw malformed(name, "is not a Unix time in seconds");
        }
        try {
            long seconds = ((JsonNumber) value).bigDecimalValue().longValueExact();
            return Instant.ofEpochSecond(seconds);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw malformed(name, "is not a Unix time in whole seconds of a sensible size");
        }
    }

    /** Whether the field is there and not JSON {@code null}. */
    public boolean has(String name) {
        return value(name) != null;
    }

    /** The first of the fields that holds a timestamp; null if none does. */
    public Instant firstInstant(String... names) {
        for (String name : names) {
            Instant value = instant(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * A link for a shopper to follow; null if absent or not an absolute http(s) URI. Lenient on purpose: a bad
     * link loses the link, not the event.
     */
    public URI link(String name) {
        String text;
        try {
            text = string(name);
        } catch (MalformedPayloadException notText) {
            return null;
        }
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public MalformedPayloadException malformed(String name, String problem) {
        return new MalformedPayloadException(pathOf(name) + " " + problem);
    }

    private MalformedPayloadException missing(String name) {
        return new MalformedPayloadException(pathOf(name) + " is missing");
    }

    private JsonValue value(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private JsonArray array(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed(name, "is not an array");
        }
        return value.asJsonArray();
    }

    private static String idOf(JsonValue value, String path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        switch (value.getValueType()) {
            case STRING -> {
                String text = ((JsonString) value).getString().strip();
                return text.isEmpty() ? null : text;
            }
            case NUMBER -> {
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                if (integerDigits(number) > MAX_INTEGER_DIGITS) {
                    throw new MalformedPayloadException(path + " is not an id of a sensible size");
                }
                try {
                    return number.toBigIntegerExact().toString();
                } catch (ArithmeticException e) {
                    throw new MalformedPayloadException(path + " is not a whole-number id");
                }
            }
            default -> throw new MalformedPayloadException(path + " is not an id");
        }
    }

    private static long integerDigits(BigDecimal number) {
        return (long) number.precision() - number.scale();
    }
}
