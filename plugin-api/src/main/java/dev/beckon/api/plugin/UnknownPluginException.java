package dev.beckon.api.plugin;

import java.util.Collection;
import java.util.List;

/** No plugin has the asked id. The message lists the ids that exist. */
public final class UnknownPluginException extends BeckonException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final List<String> known;

    public UnknownPluginException(String kind, String id, Collection<String> known) {
        super("unknown " + kind + " '" + id + "'; known: " + String.join(", ", known));
        this.id = id;
        this.known = List.copyOf(known);
    }

    public String id() {
        return id;
    }

    public List<String> known() {
        return known;
    }
}
