package dev.beckon.engine.definitions;

import dev.beckon.api.event.EventPayload;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key that ties an event to a run's subject: the run remembers each key of its trigger event, and an exit or
 * goal event matches when one of its keys equals the run's. Each key is read from the first of its event paths
 * that the event type has.
 */
public enum SubjectKey {
    CHECKOUT("checkout", "checkout"),
    CART_TOKEN("cartToken", "cartToken"),
    ORDER("order", "order"),
    CUSTOMER("customer", "customer", "shopper.customer"),
    EMAIL("email", "shopper.email"),
    VISITOR("visitor", "visitorId"),
    VISIT("visit", "visit"),
    DEVICE("device", "device");

    private final String json;
    private final List<String> paths;

    SubjectKey(String json, String... paths) {
        this.json = json;
        this.paths = List.of(paths);
    }

    /** The name in journey JSON: {@code "cartToken"}. */
    public String json() {
        return json;
    }

    public static Optional<SubjectKey> fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.json.equals(name)).findFirst();
    }

    /** Whether events of that type carry this key. */
    public boolean carriedBy(Class<? extends EventPayload> type) {
        return path(type).isPresent();
    }

    /** The keys an event carries, with their values; keys whose value is null are left out. */
    public static Map<SubjectKey, String> of(EventPayload event) {
        Map<SubjectKey, String> keys = new EnumMap<>(SubjectKey.class);
        for (SubjectKey key : values()) {
            key.path(event.getClass()).map(p -> EventPaths.valueOf(event, p))
                    .ifPresent(v -> keys.put(key, v.toString()));
        }
        return keys;
    }

    private Optional<String> path(Class<?> type) {
        return paths.stream().filter(p -> EventPaths.typeOf(type, p).ok()).findFirst();
    }
}
