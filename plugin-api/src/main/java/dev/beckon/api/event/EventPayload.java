package dev.beckon.api.event;

/**
 * What happened, in Beckon's own words. Every platform's topics map onto these records, so journeys never see
 * a platform's payload. New kinds of events are added here, as records.
 *
 * <p>All implementations are immutable records.
 */
public sealed interface EventPayload
        permits CheckoutUpdated, OrderPlaced, OrderPaid, OrderFulfilled, OrderCancelled, CartItemAdded, CustomerUpdated, ConsentChanged, ProductViewed,
        AppUninstalled, DataErasureRequested, DataAccessRequested, ProximityEvent {
}
