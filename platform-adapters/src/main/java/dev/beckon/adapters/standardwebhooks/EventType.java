package dev.beckon.adapters.standardwebhooks;

import java.util.Optional;

/**
 * The envelope {@code type}s Beckon maps, each with its mapping (the shapes are in {@link StandardWebhooksAdapter}
 * and {@code STANDARD_WEBHOOKS.md}). Any other type is acknowledged and ignored, so stores may send more.
 */
enum EventType {

    ORDER_PLACED("order.placed", CommerceMapping::orderPlaced),
    ORDER_FULFILLED("order.fulfilled", CommerceMapping::orderFulfilled),
    CHECKOUT_UPDATED("checkout.updated", CommerceMapping::checkoutUpdated),
    CUSTOMER_UPDATED("customer.updated", CustomerMapping::customerUpdated),
    CONSENT_CHANGED("consent.changed", CustomerMapping::consentChanged),
    DATA_ERASURE_REQUESTED("data_erasure.requested", CustomerMapping::dataErasureRequested),
    PRODUCT_VIEWED("product.viewed", StorefrontMapping::productViewed),
    APP_UNINSTALLED("app.uninstalled", StorefrontMapping::appUninstalled);

    private final String wireName;
    private final TypeMapping mapping;

    EventType(String wireName, TypeMapping mapping) {
        this.wireName = wireName;
        this.mapping = mapping;
    }

    /** The type of that exact name (case-sensitive, as documented); empty if Beckon maps none. */
    static Optional<EventType> of(String name) {
        for (EventType candidate : values()) {
            if (candidate.wireName.equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name in the envelope: {@code order.placed}. */
    String wireName() {
        return wireName;
    }

    TypeMapping mapping() {
        return mapping;
    }
}
