package dev.beckon.api.model;

import java.util.Objects;

/**
 * One line of a cart, checkout or order.
 *
 * @param product   null if the platform did not say
 * @param variantId null if the platform did not say
 * @param sku       null if unknown
 * @param title     never null, may be empty
 * @param quantity  at least 0
 * @param unitPrice never null
 */
public record LineItem(ProductId product, String variantId, String sku, String title, int quantity, Money unitPrice) {

    public LineItem {
        title = title == null ? "" : title;
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantity);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
