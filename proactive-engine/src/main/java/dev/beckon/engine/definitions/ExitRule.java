package dev.beckon.engine.definitions;

import java.util.List;
import java.util.Objects;

/**
 * An event that ends a run: of type {@code event}, concerning the run's subject (any one of the {@code match}
 * keys equal to the run's: an {@code OrderPlaced} whose checkout is the run's checkout, or whose cart token is the
 * run's cart token), and for which every criterion of {@code where} holds. Immutable.
 *
 * @param event a canonical event type name; never null
 * @param match at least one key; never null
 * @param where never null, may be empty
 */
public record ExitRule(String event, List<SubjectKey> match, List<Criterion> where) {

    public ExitRule {
        Objects.requireNonNull(event, "event");
        match = match == null ? List.of() : List.copyOf(match);
        where = where == null ? List.of() : List.copyOf(where);
    }
}
