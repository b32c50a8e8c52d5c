package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.model.CheckoutId;

import java.time.Instant;

/**
 * {@code checkouts/create} and {@code checkouts/update} to {@link CheckoutUpdated}. The checkout id is the
 * body's {@code token}, which orders name as {@code checkout_token}; the numeric {@code id} is not used.
 */
final class CheckoutMapping {

    private CheckoutMapping() {
    }

    static Mapped checkout(JsonView body, Delivery delivery) {
        String token = body.requireId("token");
        Instant updatedAt = body.instant("updated_at");
        Instant createdAt = body.instant("created_at");
        CheckoutUpdated payload = new CheckoutUpdated(
                CheckoutId.of(token),
                body.string("cart_token"),
                ShopperMapping.ofCheckout(body, updatedAt),
                LineItemMapping.lines(body),
                LineItemMapping.total(body),
                body.link("abandoned_checkout_url"),
                delivery.timeOr(updatedAt, createdAt),
                body.instant("completed_at"));
        return new Mapped(payload, token, updatedAt, createdAt);
    }
}
