package dev.beckon.engine.definitions;

import java.util.List;
import java.util.Objects;

/**
 * What starts a run: an event of one canonical type ({@code "CheckoutUpdated"}), optionally only when every
 * criterion of {@code where} holds for it. Immutable.
 *
 * @param event the simple name of a canonical event record; never null
 * @param where never null, may be empty
 */
public record Trigger(String event, List<Criterion> where) {

    public Trigger {
        Objects.requireNonNull(event, "event");
        where = where == null ? List.of() : List.copyOf(where);
    }
}
