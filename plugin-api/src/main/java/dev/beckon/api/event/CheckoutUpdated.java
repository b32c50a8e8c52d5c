package dev.beckon.api.event;

import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.Shopper;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A checkout was created or changed. There is no "abandoned" event on any platform: abandonment is a checkout
 * that is not completed and sees no order in time.
 *
 * @param checkout    never null
 * @param cartToken   the cart it came from; null if unknown
 * @param shopper     never null (a checkout without contact has an empty shopper)
 * @param lines       never null
 * @param total       null if the platform did not say
 * @param recoveryUrl where the shopper resumes the checkout; null if the platform gave none
 * @param updatedAt   the checkout's own updated-at, for ordering; never null
 * @param completedAt when it was completed; null while open
 */
public record CheckoutUpdated(CheckoutId checkout, String cartToken, Shopper shopper, List<LineItem> lines,
                              Money total, URI recoveryUrl, Instant updatedAt, Instant completedAt)
        implements EventPayload {

    public CheckoutUpdated {
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(shopper, "shopper");
        lines = lines == null ? List.of() : List.copyOf(lines);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean completed() {
        return completedAt != null;
    }
}
