package dev.beckon.adapters.bigcommerce;

import dev.beckon.api.event.EventPayload;

import java.util.Optional;
import java.util.function.Function;

/** The BigCommerce webhook scopes Beckon maps. Any other scope is acknowledged and ignored. */
enum BigCommerceScope {

    ORDER_CREATED("store/order/created", ScopeMapping::orderCreated),
    ORDER_STATUS_UPDATED("store/order/statusUpdated", ScopeMapping::orderStatusUpdated),
    CART_CREATED("store/cart/created", ScopeMapping::cartUpdated),
    CART_UPDATED("store/cart/updated", ScopeMapping::cartUpdated),
    CART_CONVERTED("store/cart/converted", ScopeMapping::cartConverted),
    CUSTOMER_CREATED("store/customer/created", ScopeMapping::customerUpdated),
    CUSTOMER_UPDATED("store/customer/updated", ScopeMapping::customerUpdated),
    APP_UNINSTALLED("store/app/uninstalled", ScopeMapping::appUninstalled);

    private final String scope;
    private final Function<Notification, Optional<EventPayload>> mapping;

    BigCommerceScope(String scope, Function<Notification, Optional<EventPayload>> mapping) {
        this.scope = scope;
        this.mapping = mapping;
    }

    /** The mapped scope of that exact name (BigCommerce scopes are case-sensitive: {@code statusUpdated}). */
    static Optional<BigCommerceScope> of(String name) {
        for (BigCommerceScope candidate : values()) {
            if (candidate.scope.equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String scope() {
        return scope;
    }

    /**
     * @return the payload; empty if this notification of the scope is nothing Beckon acts on
     * @throws dev.beckon.adapters.json.MalformedPayloadException if {@code data} lacks the id
     */
    Optional<EventPayload> map(Notification notification) {
        return mapping.apply(notification);
    }
}
