package dev.beckon.gateway.visits;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a store's visits, newest first. Immutable.
 *
 * @param visits     at most the limit asked for; never null
 * @param nextCursor pass it to get the next (older) page; null on the last page
 */
public record VisitPage(List<Visit> visits, String nextCursor) {

    public VisitPage {
        visits = List.copyOf(Objects.requireNonNull(visits, "visits"));
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
