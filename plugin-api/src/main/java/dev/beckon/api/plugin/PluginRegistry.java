package dev.beckon.api.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plugins of one kind, by id. Built once at start and read-only after, so it is safe to share between threads.
 *
 * @param <T> the kind of plugin
 */
public final class PluginRegistry<T extends Plugin> {

    private final String kind;
    private final Map<String, T> byId;

    private PluginRegistry(String kind, Map<String, T> byId) {
        this.kind = kind;
        this.byId = byId;
    }

    /**
     * @param kind    what the plugins are, for messages ({@code "platform"}, {@code "channel"})
     * @param plugins the plugins; ids are compared as given
     * @throws DuplicatePluginException if two plugins share an id
     */
    public static <T extends Plugin> PluginRegistry<T> of(String kind, Collection<? extends T> plugins) {
        Map<String, T> byId = new TreeMap<>();
        for (T plugin : plugins) {
            if (byId.putIfAbsent(plugin.id(), plugin) != null) {
                throw new DuplicatePluginException(kind, plugin.id());
            }
        }
        return new PluginRegistry<>(kind, Map.copyOf(byId));
    }

    /** @throws UnknownPluginException naming the known ids, if none has this id */
    public T get(String id) {
        return find(id).orElseThrow(() -> new UnknownPluginException(kind, id, ids()));
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The ids, sorted. */
    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }
}
