package dev.beckon.api.model;

/**
 * A platform checkout (Shopify checkout token, WooCommerce pending order, Saleor checkout id).
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record CheckoutId(String value) {

    public CheckoutId {
        value = Ids.require(value, "CheckoutId");
    }

    public static CheckoutId of(String value) {
        return new CheckoutId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
