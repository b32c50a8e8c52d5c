package dev.beckon.engine.inbox;

import dev.beckon.api.event.EventPayload;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;

import java.util.ArrayDeque;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes canonical payloads as JSON for the inbox and reads them back by their type name. The type names are
 * the simple names of the sealed {@link EventPayload} records, found by walking the permitted subclasses, so a
 * new payload record is stored without touching this class. Thread-safe.
 */
public final class EventCodec implements AutoCloseable {

    private final Jsonb jsonb;
    private final Map<String, Class<? extends EventPayload>> types;

    public EventCodec() {
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withAdapters(new CurrencyAdapter()));
        this.types = payloadTypes();
    }

    public String write(EventPayload payload) {
        return jsonb.toJson(payload);
    }

    /**
     * @throws IllegalArgumentException if the type is unknown or the JSON does not fit it
     */
    public EventPayload read(String type, String json) {
        Class<? extends EventPayload> target = find(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + type + "'"));
        EventPayload payload;
        try {
            payload = jsonb.fromJson(json, target);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stored " + type + " cannot be read: " + e.getMessage(), e);
        }
        if (payload == null) {
            throw new IllegalArgumentException("stored " + type + " cannot be read: the JSON is null");
        }
        return payload;
    }

    public Optional<Class<? extends EventPayload>> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends EventPayload>> payloadTypes() {
        Map<String, Class<? extends EventPayload>> found = new HashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(EventPayload.class);
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (type.isRecord()) {
                found.put(type.getSimpleName(), (Class<? extends EventPayload>) type);
            }
            Class<?>[] permitted = type.getPermittedSubclasses();
            if (permitted != null) {
                todo.addAll(java.util.List.of(permitted));
            }
        }
        return Map.copyOf(found);
    }

    /** ISO 4217 code in JSON, {@link Currency} in Java. */
    public static final class CurrencyAdapter implements JsonbAdapter<Currency, String> {

        @Override
        public String adaptToJson(Currency currency) {
            return currency.getCurrencyCode();
        }

        @Override
        public Currency adaptFromJson(String code) {
            return Currency.getInstance(code);
        }
    }
}
