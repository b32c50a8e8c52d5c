package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.OrderId;

import java.time.Instant;

/**
 * {@code order.placed}, {@code order.fulfilled} and {@code checkout.updated}. Field names mirror the canonical
 * records in snake case; the full shapes are in {@link StandardWebhooksAdapter}.
 */
final class CommerceMapping {

    private CommerceMapping() {
    }

    /** {@code {"order_id"*, "name", "checkout_id", "cart_token", "shopper", "lines", "total", "placed_at"}}. */
    static Mapped orderPlaced(JsonView data, Delivery delivery) {
        String order = data.requireId("order_id");
        String checkout = data.id("checkout_id");
        Instant placedAt = delivery.timeOr(data.instant("placed_at"));
        OrderPlaced payload = new OrderPlaced(
                OrderId.of(order),
                data.string("name"),
                checkout == null ? null : CheckoutId.of(checkout),
                data.string("cart_token"),
                ShopperMapping.shopper(data),
                MoneyMapping.lines(data),
                MoneyMapping.optional(data, "total"),
                placedAt);
        return new Mapped(payload, placedAt);
    }

    /** {@code {"order_id"*, "shopper", "tracking_url", "partial", "fulfilled_at"}}. */
    static Mapped orderFulfilled(JsonView data, Delivery delivery) {
        String order = data.requireId("order_id");
        Instant fulfilledAt = delivery.timeOr(data.instant("fulfilled_at"));
        Boolean partial = data.bool("partial");
        OrderFulfilled payload = new OrderFulfilled(OrderId.of(order), ShopperMapping.shopper(data),
                data.link("tracking_url"), Boolean.TRUE.equals(partial), fulfilledAt);
        return new Mapped(payload, fulfilledAt);
    }

    /**
     * {@code {"checkout_id"*, "cart_token", "shopper", "lines", "total", "recovery_url", "updated_at",
     * "completed_at"}}.
     */
    static Mapped checkoutUpdated(JsonView data, Delivery delivery) {
        String checkout = data.requireId("checkout_id");
        Instant updatedAt = delivery.timeOr(data.instant("updated_at"));
        CheckoutUpdated payload = new CheckoutUpdated(
                CheckoutId.of(checkout),
                data.string("cart_token"),
                ShopperMapping.shopper(data),
                MoneyMapping.lines(data),
                MoneyMapping.optional(data, "total"),
                data.link("recovery_url"),
                updatedAt,
                data.instant("completed_at"));
        return new Mapped(payload, updatedAt);
    }
}
