package dev.beckon.api.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP request headers with case-insensitive names, as HTTP/1.1 and HTTP/2 (which lower-cases them) deliver
 * them. Immutable and thread-safe.
 */
public final class Headers {

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Copies the given multimap; names are matched case-insensitively, null values are dropped. */
    public static Headers of(Map<String, ? extends List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, list) -> {
            if (name != null && list != null) {
                List<String> target = copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                list.stream().filter(v -> v != null).forEach(target::add);
            }
        });
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** Builds headers from name, value pairs: {@code Headers.of("X-Topic", "orders/create")}. */
    public static Headers of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, List<String>> map = new TreeMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        return of(map);
    }

    /** The first value of the header, trimmed; empty if absent or blank. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        String value = list.get(0).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The first present header among the names, in the order given (a platform's old and new spelling). */
    public Optional<String> firstOf(String... names) {
        for (String name : names) {
            Optional<String> value = first(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** Header names, lower-cased. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }
}
