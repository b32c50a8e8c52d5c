package dev.beckon.engine.definitions;

import dev.beckon.api.event.EventPayload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The canonical event types by name ({@code "OrderPlaced"}): every record permitted by the sealed
 * {@link EventPayload}, found by walking the hierarchy, so a new event record is known without a change here.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> TYPES = walk();

    private EventTypes() {
    }

    public static Optional<Class<? extends EventPayload>> find(String name) {
        return Optional.ofNullable(name == null ? null : TYPES.get(name));
    }

    /** Every name, sorted, for error messages. */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /** The type name of a payload, as journeys write it. */
    public static String nameOf(EventPayload payload) {
        return payload.getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends EventPayload>> walk() {
        Map<String, Class<? extends EventPayload>> found = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(EventPayload.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (type.isRecord()) {
                found.put(type.getSimpleName(), (Class<? extends EventPayload>) type);
            }
            Class<?>[] permitted = type.getPermittedSubclasses();
            if (permitted != null) {
                todo.addAll(List.of(permitted));
            }
        }
        return found;
    }
}
