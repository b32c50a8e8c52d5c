package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.OrderId;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** {@code orders/create} to {@link OrderPlaced}; {@code orders/fulfilled} and its partial twin to {@link OrderFulfilled}. */
final class OrderMapping {

    private OrderMapping() {
    }

    /** An order; {@code checkout_token} links it to the checkout it completes, so that journey ends. */
    static Mapped placed(JsonView body, Delivery delivery) {
        String id = body.requireId("id");
        Instant updatedAt = body.instant("updated_at");
        Instant createdAt = body.instant("created_at");
        String checkoutToken = body.id("checkout_token");
        OrderPlaced payload = new OrderPlaced(
                OrderId.of(id),
                body.string("name"),
                checkoutToken == null ? null : CheckoutId.of(checkoutToken),
                body.string("cart_token"),
                ShopperMapping.ofOrder(body),
                LineItemMapping.lines(body),
                LineItemMapping.total(body),
                delivery.timeOr(createdAt));
        return new Mapped(payload, id, updatedAt, createdAt);
    }

    /**
     * A shipped order. Tracking link and time come from the last of its {@code fulfillments} when it has any;
     * it is partial if the topic says so or {@code fulfillment_status} is {@code partial}.
     */
    static Mapped fulfilled(JsonView body, Delivery delivery, boolean partialTopic) {
        String id = body.requireId("id");
        Instant updatedAt = body.instant("updated_at");
        Instant createdAt = body.instant("created_at");
        List<JsonView> fulfillments = body.objects("fulfillments");
        URI trackingUrl = null;
        Instant shippedAt = null;
        if (!fulfillments.isEmpty()) {
            JsonView last = fulfillments.get(fulfillments.size() - 1);
            trackingUrl = last.link("tracking_url");
            shippedAt = last.firstInstant("created_at", "updated_at");
        }
        boolean partial = partialTopic || "partial".equalsIgnoreCase(body.string("fulfillment_status"));
        OrderFulfilled payload = new OrderFulfilled(OrderId.of(id), ShopperMapping.ofOrder(body), trackingUrl, partial,
                delivery.timeOr(shippedAt, updatedAt, createdAt));
        return new Mapped(payload, id, updatedAt, createdAt);
    }
}
