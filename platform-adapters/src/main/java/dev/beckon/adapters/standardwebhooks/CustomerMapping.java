package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.OrderId;

import java.time.Instant;
import java.util.List;

/** {@code customer.updated}, {@code consent.changed} and {@code data_erasure.requested}. */
final class CustomerMapping {

    private CustomerMapping() {
    }

    /** {@code {"shopper"* (with "customer_id"*), "updated_at"}}. */
    static Mapped customerUpdated(JsonView data, Delivery delivery) {
        Instant updatedAt = delivery.timeOr(data.instant("updated_at"));
        return new Mapped(new CustomerUpdated(ShopperMapping.customer(data), updatedAt), updatedAt);
    }

    /** {@code {"customer_id", "address", "consent"*}}; at least one of {@code customer_id} and {@code address}. */
    static Mapped consentChanged(JsonView data, Delivery delivery) {
        String customer = data.id("customer_id");
        String address = data.string("address");
        if (customer == null && address == null) {
            throw new MalformedPayloadException(data.pathOf("customer_id") + " and " + data.pathOf("address")
                    + " are both missing, so the consent is for no one");
        }
        Consent consent = ShopperMapping.consent(data.requireObject("consent"));
        ConsentChanged payload = new ConsentChanged(customer == null ? null : CustomerId.of(customer), address,
                consent);
        return new Mapped(payload, delivery.timeOr(consent.updatedAt()));
    }

    /**
     * {@code {"scope"* ("customer" | "shop"), "customer_id", "email", "phone", "order_ids"}}; a customer erasure
     * names at least one of {@code customer_id}, {@code email} and {@code phone}.
     */
    static Mapped dataErasureRequested(JsonView data, Delivery delivery) {
        String scopeName = data.requireString("scope");
        DataErasureRequested.Scope scope = switch (scopeName) {
            case "customer" -> DataErasureRequested.Scope.CUSTOMER;
            case "shop" -> DataErasureRequested.Scope.SHOP;
            default -> throw data.malformed("scope", "is '" + Excerpt.of(scopeName) + "', not customer or shop");
        };
        String customer = data.id("customer_id");
        String email = data.string("email");
        String phone = data.string("phone");
        if (scope == DataErasureRequested.Scope.CUSTOMER && customer == null && email == null && phone == null) {
            throw new MalformedPayloadException(data.pathOf("customer_id") + ", " + data.pathOf("email") + " and "
                    + data.pathOf("phone") + " are all missing, so there is no one to erase");
        }
        List<OrderId> orders = data.ids("order_ids").stream().map(OrderId::of).toList();
        DataErasureRequested payload = new DataErasureRequested(scope,
                customer == null ? null : CustomerId.of(customer), email, phone, orders);
        return new Mapped(payload, delivery.fallbackTime());
    }
}
