package dev.beckon.engine.settings;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.guardrails.FrequencyCap;
import dev.beckon.engine.guardrails.QuietHours;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@link ShopSettings} as JSON, the shape of {@code GET/PUT /api/shops/{shopId}/settings}:
 *
 * <pre>{@code
 * {
 *   "timeZone": "America/New_York",
 *   "quietHours": {"start": "08:00", "end": "20:00"},
 *   "quietHoursByCountry": {"FR": {"start": "09:00", "end": "20:00"}},
 *   "frequencyCaps": {"SMS": {"max": 1, "per": "PT24H"}, "EMAIL": {"max": 3, "per": "PT24H"}},
 *   "reentryCooldown": "P7D",
 *   "reentryCooldownByJourney": {"abandoned-checkout": "PT72H"}
 * }
 * }</pre>
 *
 * <p>{@code start}–{@code end} is the local window when marketing may be sent ({@code end} before {@code start}
 * runs past midnight; {@code start} equal to {@code end} means no quiet hours). Durations are ISO-8601. A field
 * left out takes its default; {@code "frequencyCaps": {}}
 * turns every cap off. Reading reports every wrong field at once. Stateless and thread-safe.
 */
public final class ShopSettingsJson {

    /** Looked up once: {@code Json.createX} looks the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final Duration LONGEST_WINDOW = Duration.ofDays(366);
    static final int MOST_PER_WINDOW = 1000;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> FIELDS = Set.of("timeZone", "quietHours", "quietHoursByCountry",
            "frequencyCaps", "reentryCooldown", "reentryCooldownByJourney");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private ShopSettingsJson() {
    }

    /**
     * @throws SettingsValidationException listing every wrong field, or the syntax error if it is not JSON
     */
    public static ShopSettings read(String json) {
        JsonObject root;
        try (JsonReader reader = JSON.createReader(new StringReader(json == null ? "" : json))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new SettingsValidationException(List.of(new SettingsValidationException.FieldError("",
                    "must be a JSON object: " + e.getMessage())));
        }
        Errors errors = new Errors();
        ShopSettings defaults = ShopSettings.defaults();
        for (String field : root.keySet()) {
            if (!FIELDS.contains(field)) {
                errors.add(field, "unknown field; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        ZoneId zone = optional(root, "timeZone", errors, defaults.timeZone(), v -> zone(v, "timeZone", errors));
        QuietHours window = optional(root, "quietHours", errors, defaults.quietHours(),
                v -> window(v, "quietHours", errors));
        Map<String, QuietHours> byCountry = optional(root, "quietHoursByCountry", errors,
                defaults.quietHoursByCountry(), v -> byCountry(v, errors));
        Map<ChannelType, FrequencyCap> caps = optional(root, "frequencyCaps", errors, defaults.frequencyCaps(),
                v -> caps(v, errors));
        Duration cooldown = optional(root, "reentryCooldown", errors, defaults.reentryCooldown(),
                v -> cooldown(v, "reentryCooldown", errors));
        Map<String, Duration> cooldowns = optional(root, "reentryCooldownByJourney", errors,
                defaults.reentryCooldownByJourney(), v -> cooldowns(v, errors));
        errors.throwIfAny();
        return new ShopSettings(zone, window, byCountry, caps, cooldown, cooldowns);
    }

    public static String write(ShopSettings settings) {
        JsonObjectBuilder byCountry = JSON.createObjectBuilder();
        settings.quietHoursByCountry().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byCountry.add(e.getKey(), window(e.getValue())));
        JsonObjectBuilder caps = JSON.createObjectBuilder();
        Map<ChannelType, FrequencyCap> byChannel = new EnumMap<>(ChannelType.class);
        byChannel.putAll(settings.frequencyCaps());
        byChannel.forEach((channel, cap) -> caps.add(channel.name(),
                JSON.createObjectBuilder().add("max", cap.max()).add("per", cap.per().toString())));
        JsonObjectBuilder cooldowns = JSON.createObjectBuilder();
        new TreeMap<>(settings.reentryCooldownByJourney()).forEach((journey, d) -> cooldowns.add(journey, d.toString()));
        return JSON.createObjectBuilder()
                .add("timeZone", settings.timeZone().getId())
                .add("quietHours", window(settings.quietHours()))
                .add("quietHoursByCountry", byCountry)
                .add("frequencyCaps", caps)
                .add("reentryCooldown", settings.reentryCooldown().toString())
                .add("reentryCooldownByJourney", cooldowns)
                .build().toString();
    }

    private static JsonObjectBuilder window(QuietHours window) {
        return JSON.createObjectBuilder().add("start", HH_MM.format(window.opens()))
                .add("end", HH_MM.format(window.closes()));
    }

    private static <T> T optional(JsonObject root, String field, Errors errors, T fallback,
                                  Function<JsonValue, T> read) {
        JsonValue value = root.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        T result = read.apply(value);
        return result == null ? fallback : result;
    }

    private static ZoneId zone(JsonValue value, String field, Errors errors) {
        String id = string(value, field, errors);
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            errors.add(field, "must be an IANA time zone such as Europe/Paris, got '" + id + "'");
            return null;
        }
    }

    private static QuietHours window(JsonValue value, String field, Errors errors) {
        JsonObject object = object(value, field, errors);
        if (object == null) {
            return null;
        }
        for (String key : object.keySet()) {
            if (!key.equals("start") && !key.equals("end")) {
                errors.add(field + "." + key, "unknown field; known: start, end");
            }
        }
        LocalTime start = time(object.get("start"), field + ".start", errors);
        LocalTime end = time(object.get("end"), field + ".end", errors);
        if (start == null || end == null) {
            return null;
        }
        return new QuietHours(start, end);
    }

    private static LocalTime time(JsonValue value, String field, Errors errors) {
        if (value == null) {
            errors.add(field, "is required, as HH:mm");
            return null;
        }
        String text = string(value, field, errors);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a time of day as HH:mm (00:00 to 23:59), got '" + text + "'");
            return null;
        }
    }

    private static Map<String, QuietHours> byCountry(JsonValue value, Errors errors) {
        JsonObject object = object(value, "quietHoursByCountry", errors);
        if (object == null) {
            return null;
        }
        Map<String, QuietHours> windows = new TreeMap<>();
        object.forEach((key, window) -> {
            String field = "quietHoursByCountry." + key;
            String country = key.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(field, "must be keyed by an ISO 3166 two-letter country code such as FR, got '" + key
                        + "'");
                return;
            }
            if (windows.containsKey(country)) {
                errors.add(field, "country " + country + " is given twice");
                return;
            }
            QuietHours parsed = window(window, field, errors);
            if (parsed != null) {
                windows.put(country, parsed);
            }
        });
        return windows;
    }

    private static Map<ChannelType, FrequencyCap> caps(JsonValue value, Errors errors) {
        JsonObject object = object(value, "frequencyCaps", errors);
        if (object == null) {
            return null;
        }
        Map<ChannelType, FrequencyCap> caps = new EnumMap<>(ChannelType.class);
        object.forEach((key, capValue) -> {
            String field = "frequencyCaps." + key;
            ChannelType channel = channel(key);
            if (channel == null) {
                errors.add(field, "unknown channel; known: " + String.join(", ",
                        java.util.Arrays.stream(ChannelType.values()).map(Enum::name).toList()));
                return;
            }
            if (caps.containsKey(channel)) {
                errors.add(field, "channel " + channel + " is given twice");
                return;
            }
            JsonObject cap = object(capValue, field, errors);
            if (cap == null) {
                return;
            }
            for (String k : cap.keySet()) {
                if (!k.equals("max") && !k.equals("per")) {
                    errors.add(field + "." + k, "unknown field; known: max, per");
                }
            }
            Integer max = count(cap.get("max"), field + ".max", errors);
            Duration per = duration(cap.get("per"), field + ".per", errors);
            if (per != null && (per.isZero() || per.isNegative())) {
                errors.add(field + ".per", "must be positive, got " + per);
                per = null;
            }
            if (max != null && per != null) {
                caps.put(channel, new FrequencyCap(max, per));
            }
        });
        return caps;
    }

    private static ChannelType channel(String key) {
        try {
            return ChannelType.valueOf(key.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer count(JsonValue value, String field, Errors errors) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            errors.add(field, value == null ? "is required, a whole number from 1 to " + MOST_PER_WINDOW
                    : "must be a whole number from 1 to " + MOST_PER_WINDOW + ", got " + value);
            return null;
        }
        java.math.BigDecimal n = number.bigDecimalValue();
        if (n.compareTo(java.math.BigDecimal.ONE) < 0 || n.compareTo(java.math.BigDecimal.valueOf(MOST_PER_WINDOW)) > 0) {
            errors.add(field, "must be from 1 to " + MOST_PER_WINDOW + ", got " + n.toPlainString());
            return null;
        }
        return n.intValueExact();
    }

    private static Duration cooldown(JsonValue value, String field, Errors errors) {
        Duration d = duration(value, field, errors);
        if (d != null && d.isNegative()) {
            errors.add(field, "must not be negative, got " + d);
            return null;
        }
        return d;
    }

    private static Map<String, Duration> cooldowns(JsonValue value, Errors errors) {
        JsonObject object = object(value, "reentryCooldownByJourney", errors);
        if (object == null) {
            return null;
        }
        Map<String, Duration> cooldowns = new TreeMap<>();
        object.forEach((journey, d) -> {
            String field = "reentryCooldownByJourney." + journey;
            if (journey.isBlank() || journey.length() > 64) {
                errors.add(field, "must be keyed by a journey id of 1 to 64 characters");
                return;
            }
            Duration parsed = cooldown(d, field, errors);
            if (parsed != null) {
                cooldowns.put(journey, parsed);
            }
        });
        return cooldowns;
    }

    private static Duration duration(JsonValue value, String field, Errors errors) {
        if (value == null) {
            errors.add(field, "is required, an ISO-8601 duration such as PT24H");
            return null;
        }
        String text = string(value, field, errors);
        if (text == null) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 duration such as PT24H or P7D, got '" + text + "'");
            return null;
        }
        if (d.compareTo(LONGEST_WINDOW) > 0) {
            errors.add(field, "must be at most " + LONGEST_WINDOW.toDays() + " days, got " + text);
            return null;
        }
        return d;
    }

    private static String string(JsonValue value, String field, Errors errors) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(field, "must be a string, got " + value);
        return null;
    }

    private static JsonObject object(JsonValue value, String field, Errors errors) {
        if (value instanceof JsonObject o) {
            return o;
        }
        errors.add(field, "must be an object, got " + value);
        return null;
    }

    private static final class Errors {

        private final List<SettingsValidationException.FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new SettingsValidationException.FieldError(field, message));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new SettingsValidationException(list);
            }
        }
    }
}
