package dev.beckon.api.event;

import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.ProductId;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A storefront visitor added a product to the cart. No platform sends this server-side for an anonymous
 * visitor; the storefront collector does.
 *
 * @param product   never null
 * @param quantity  at least 1
 * @param price     unit price; null if the storefront did not say
 * @param visitorId the collector's anonymous visitor id; never null
 * @param customer  null for an anonymous visitor
 * @param url       the page; null if unknown
 * @param addedAt   never null
 */
public record CartItemAdded(ProductId product, int quantity, Money price, String visitorId, CustomerId customer,
                            URI url, Instant addedAt) implements EventPayload {

    public CartItemAdded {
        Objects.requireNonNull(product, "product");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
