package dev.beckon.adapters.woocommerce.install;

import java.util.Objects;

/**
 * A webhook the install created on the store.
 *
 * @param id    WooCommerce's webhook id, as written; never null
 * @param topic {@code order.created} and so on; never null
 */
public record WooWebhook(String id, String topic) {

    public WooWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
    }
}
