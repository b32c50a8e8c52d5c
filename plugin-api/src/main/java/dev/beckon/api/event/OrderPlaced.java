package dev.beckon.api.event;

import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order was placed. It ends the abandoned-checkout journey of its checkout.
 *
 * @param order     never null
 * @param name      the name the shopper sees ({@code "#1001"}); never null, may be empty
 * @param checkout  the checkout it completed; null if the platform did not say
 * @param cartToken the cart it came from; null if unknown
 * @param shopper   never null
 * @param lines     never null
 * @param total     null if the platform did not say
 * @param placedAt  never null
 */
public record OrderPlaced(OrderId order, String name, CheckoutId checkout, String cartToken, Shopper shopper,
                          List<LineItem> lines, Money total, Instant placedAt) implements EventPayload {

    public OrderPlaced {
        Objects.requireNonNull(order, "order");
        name = name == null ? "" : name;
        Objects.requireNonNull(shopper, "shopper");
        lines = lines == null ? List.of() : List.copyOf(lines);
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
