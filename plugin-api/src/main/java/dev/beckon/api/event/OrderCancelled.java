package dev.beckon.api.event;

import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;

import java.time.Instant;
import java.util.Objects;

/**
 * An order was cancelled. Ends the order's transactional journeys and removes its revenue from attribution.
 *
 * @param order       never null
 * @param shopper     never null
 * @param reason      the platform's reason ({@code "customer"}, {@code "fraud"}); never null, may be empty
 * @param cancelledAt never null
 */
public record OrderCancelled(OrderId order, Shopper shopper, String reason, Instant cancelledAt)
        implements EventPayload {

    public OrderCancelled {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(shopper, "shopper");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}
