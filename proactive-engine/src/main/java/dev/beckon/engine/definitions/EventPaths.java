package dev.beckon.engine.definitions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads dotted paths ({@code shopper.email}, {@code total.amount}) through the components of canonical records.
 * An id record with a single {@code value} component (such as {@code StoreZoneId}) reads as its text.
 */
final class EventPaths {

    private EventPaths() {
    }

    /** The result of resolving a path on a type: the type found, or why there is none. */
    record Resolution(Class<?> type, String error) {

        boolean ok() {
            return error == null;
        }
    }

    /** The Java type at a path below a record type, ids unwrapped to {@code String}. */
    static Resolution typeOf(Class<?> root, String path) {
        if (path.isEmpty()) {
            return new Resolution(null, "must name a field");
        }
        Class<?> type = root;
        for (String part : path.split("\\.", -1)) {
            if (!type.isRecord() || isId(type)) {
                return new Resolution(null, "'" + part + "' cannot be read from a " + simple(type));
            }
            Optional<RecordComponent> component = component(type, part);
            if (component.isEmpty()) {
                return new Resolution(null, "unknown field '" + part + "' of " + type.getSimpleName() + "; known: "
                        + Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.joining(", ")));
            }
            type = component.get().getType();
        }
        return new Resolution(isId(type) ? String.class : type, null);
    }

    /** The value at a path, ids unwrapped to their text; null if any part on the way is null. */
    static Object valueOf(Object root, String path) {
        Object value = root;
        for (String part : path.split("\\.", -1)) {
            if (value == null || !value.getClass().isRecord()) {
                return null;
            }
            Optional<RecordComponent> component = component(value.getClass(), part);
            if (component.isEmpty()) {
                return null;
            }
            try {
                value = component.get().getAccessor().invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + part + " of " + value.getClass().getName(), e);
            }
        }
        return unwrap(value);
    }

    static Object unwrap(Object value) {
        if (value != null && isId(value.getClass())) {
            try {
                return value.getClass().getRecordComponents()[0].getAccessor().invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read the id " + value.getClass().getName(), e);
            }
        }
        return value;
    }

    private static boolean isId(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getName().equals("value")
                && components[0].getType() == String.class;
    }

    private static Optional<RecordComponent> component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst();
    }

    private static String simple(Class<?> type) {
        return List.class.isAssignableFrom(type) ? "list" : type.getSimpleName();
    }
}
