package dev.beckon.adapters.admin;

import java.util.Objects;

/**
 * A discount code the platform created.
 *
 * @param code       what the shopper types; never null
 * @param platformId the platform's id of the discount (Shopify {@code gid://shopify/DiscountCodeNode/…}, BigCommerce
 *                   promotion id), as text; never null
 */
public record DiscountCode(String code, String platformId) {

    public DiscountCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(platformId, "platformId");
    }
}
