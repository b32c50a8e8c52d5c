package dev.beckon.adapters.saleor;

import dev.beckon.adapters.json.JsonView;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Saleor-Event} values Beckon maps, each with the payload field its subscription query selects and its
 * mapping. Any other event is acknowledged and ignored.
 */
enum SaleorEvent {

    ORDER_CREATED("order", PayloadMapping::orderCreated),
    CHECKOUT_CREATED("checkout", PayloadMapping::checkoutUpdated),
    CHECKOUT_UPDATED("checkout", PayloadMapping::checkoutUpdated),
    CUSTOMER_CREATED("user", PayloadMapping::customerUpdated),
    CUSTOMER_UPDATED("user", PayloadMapping::customerUpdated);

    /** Maps the selected object; throws {@code MalformedPayloadException} or {@code IllegalArgumentException}. */
    @FunctionalInterface
    interface Mapping {
        Mapped map(JsonView object, Instant fallbackTime);
    }

    private final String field;
    private final Mapping mapping;

    SaleorEvent(String field, Mapping mapping) {
        this.field = field;
        this.mapping = mapping;
    }

    /** The event of that header value ({@code order_created}; Saleor sends lower case, any case is read). */
    static Optional<SaleorEvent> of(String headerValue) {
        String name = headerValue.toUpperCase(Locale.ROOT);
        for (SaleorEvent candidate : values()) {
            if (candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name on the wire and in dedup keys: {@code order_created}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The top-level field of the payload that holds the object: {@code order}, {@code checkout}, {@code user}. */
    String field() {
        return field;
    }

    Mapped map(JsonView object, Instant fallbackTime) {
        return mapping.map(object, fallbackTime);
    }
}
