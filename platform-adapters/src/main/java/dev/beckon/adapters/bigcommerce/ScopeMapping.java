package dev.beckon.adapters.bigcommerce;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.Shopper;

import java.util.List;
import java.util.Optional;

/**
 * BigCommerce payloads are thin: {@code data} names the resource ({@code {"type": "order", "id": 250}}) and
 * nothing else. So each scope maps to the minimal canonical event that carries the id (no shopper, no lines, no
 * total); the engine fetches the details through the BigCommerce admin API (orders, carts, customers) when it
 * needs them.
 */
final class ScopeMapping {

    /** BigCommerce order status ids that mean shipped (2), partially shipped (3) and completed (10). */
    private static final String SHIPPED = "2";
    private static final String PARTIALLY_SHIPPED = "3";
    private static final String COMPLETED = "10";

    private ScopeMapping() {
    }

    /** {@code store/order/created}: an {@code OrderPlaced} with the order id only. */
    static Optional<EventPayload> orderCreated(Notification notification) {
        String order = notification.data().requireId("id");
        return Optional.of(new OrderPlaced(OrderId.of(order), "#" + order, null, null, nobody(), List.of(), null,
                notification.occurredAt()));
    }

    /**
     * {@code store/order/statusUpdated}: an {@code OrderFulfilled} when {@code data.status.new_status_id} is 2
     * (Shipped), 3 (Partially Shipped, partial) or 10 (Completed); nothing for other statuses.
     */
    static Optional<EventPayload> orderStatusUpdated(Notification notification) {
        String order = notification.data().requireId("id");
        String status = notification.data().requireObject("status").requireId("new_status_id");
        if (!SHIPPED.equals(status) && !PARTIALLY_SHIPPED.equals(status) && !COMPLETED.equals(status)) {
            return Optional.empty();
        }
        return Optional.of(new OrderFulfilled(OrderId.of(order), nobody(), null, PARTIALLY_SHIPPED.equals(status),
                notification.occurredAt()));
    }

    /** {@code store/cart/created|updated}: a {@code CheckoutUpdated} whose checkout and cart token are the cart id. */
    static Optional<EventPayload> cartUpdated(Notification notification) {
        return Optional.of(cart(notification, false));
    }

    /** {@code store/cart/converted}: the cart became an order, so its checkout is completed. */
    static Optional<EventPayload> cartConverted(Notification notification) {
        return Optional.of(cart(notification, true));
    }

    /** {@code store/customer/created|updated}: a {@code CustomerUpdated} with the customer id only. */
    static Optional<EventPayload> customerUpdated(Notification notification) {
        CustomerId customer = CustomerId.of(notification.data().requireId("id"));
        return Optional.of(new CustomerUpdated(new Shopper(customer, null, null, null, null, List.of()),
                notification.occurredAt()));
    }

    /** {@code store/app/uninstalled}: the registered shop domain. */
    static Optional<EventPayload> appUninstalled(Notification notification) {
        return Optional.of(new AppUninstalled(notification.shopDomain()));
    }

    private static CheckoutUpdated cart(Notification notification, boolean converted) {
        JsonView data = notification.data();
        String cart = data.requireId("id");
        return new CheckoutUpdated(CheckoutId.of(cart), cart, nobody(), List.of(), null, null,
                notification.occurredAt(), converted ? notification.occurredAt() : null);
    }

    /** The shopper of a thin payload: not known until the engine fetches the resource. */
    private static Shopper nobody() {
        return new Shopper(null, null, null, null, null, List.of());
    }
}
