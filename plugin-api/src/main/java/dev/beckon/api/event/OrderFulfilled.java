package dev.beckon.api.event;

import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An order (or part of it) was shipped. Drives transactional shipping updates.
 *
 * @param order       never null
 * @param shopper     never null
 * @param trackingUrl null if the platform gave none
 * @param partial     true if only part of the order was fulfilled
 * @param fulfilledAt never null
 */
public record OrderFulfilled(OrderId order, Shopper shopper, URI trackingUrl, boolean partial, Instant fulfilledAt)
        implements EventPayload {

    public OrderFulfilled {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(shopper, "shopper");
        Objects.requireNonNull(fulfilledAt, "fulfilledAt");
    }
}
