package dev.beckon.api.event;

import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;

import java.time.Instant;
import java.util.Objects;

/**
 * An order's payment was captured. Attribution counts revenue from it where a platform separates placing from
 * paying.
 *
 * @param order   never null
 * @param shopper never null
 * @param total   null if the platform did not say
 * @param paidAt  never null
 */
public record OrderPaid(OrderId order, Shopper shopper, Money total, Instant paidAt) implements EventPayload {

    public OrderPaid {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(shopper, "shopper");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
