package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.json.JsonView;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The WooCommerce topics Beckon maps, each with its mapping. Any other topic ({@code order.deleted},
 * {@code product.*}, {@code coupon.*}, {@code action.*}) is acknowledged and ignored.
 */
enum WooTopic {

    ORDER_CREATED("order.created", OrderMapping::order),
    ORDER_UPDATED("order.updated", OrderMapping::order),
    CUSTOMER_CREATED("customer.created", CustomerMapping::customer),
    CUSTOMER_UPDATED("customer.updated", CustomerMapping::customer);

    private final String topic;
    private final Mapping mapping;

    WooTopic(String topic, Mapping mapping) {
        this.topic = topic;
        this.mapping = mapping;
    }

    /** The mapped topic of that name (ignoring case and surrounding blanks); empty if Beckon maps none. */
    static Optional<WooTopic> of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (WooTopic candidate : values()) {
            if (candidate.topic.equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String topic() {
        return topic;
    }

    Mapped map(JsonView body, byte[] rawBody, Instant receivedAt) {
        return mapping.map(body, rawBody, receivedAt);
    }

    /** Maps one verified body; stateless. Throws {@code MalformedPayloadException} or IllegalArgumentException. */
    @FunctionalInterface
    interface Mapping {
        Mapped map(JsonView body, byte[] rawBody, Instant receivedAt);
    }
}
