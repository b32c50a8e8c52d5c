package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Shopper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code customer.created} and {@code customer.updated}, carrying the REST customer, to {@code CustomerUpdated}.
 * Name and email are the customer's own, else the billing address's; the phone is {@code billing.phone}.
 * WooCommerce has no marketing consent in core, so the shopper carries no consents (unknown, not "no").
 */
final class CustomerMapping {

    private CustomerMapping() {
    }

    static Mapped customer(JsonView body, byte[] rawBody, Instant receivedAt) {
        Resource customer = Resource.of("customer", body, rawBody, receivedAt);
        Optional<JsonView> billing = body.object("billing");
        Shopper shopper = new Shopper(
                CustomerId.of(customer.id()),
                firstOf(body, billing, "first_name"),
                firstOf(body, billing, "last_name"),
                firstOf(body, billing, "email"),
                billing.map(b -> b.string("phone")).orElse(null),
                List.of());
        CustomerUpdated payload = new CustomerUpdated(shopper, customer.updatedAt());
        return new Mapped.Events(List.of(new Mapped.Event(payload, customer.updatedAt(), customer.dedupKey(null))));
    }

    private static String firstOf(JsonView body, Optional<JsonView> billing, String name) {
        String own = body.string(name);
        return own != null ? own : billing.map(b -> b.string(name)).orElse(null);
    }
}
