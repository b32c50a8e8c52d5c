package dev.beckon.suite.shoppers;

import dev.beckon.api.model.CustomerId;
import dev.beckon.engine.shoppers.ShopperKeys;

/**
 * How the merchant API names a shopper in a path: the platform's customer id, or for a guest the e-mail address
 * (it contains {@code @}) or the phone number in E.164 (it starts with {@code +}). Exactly one part is set.
 */
public record ShopperRef(CustomerId customer, String email, String phone) {

    /** @param text a path segment, not blank */
    public static ShopperRef parse(String text) {
        String ref = text.strip();
        if (ref.contains("@")) {
            return new ShopperRef(null, ref, null);
        }
        if (ref.startsWith("+")) {
            return new ShopperRef(null, null, ref);
        }
        return new ShopperRef(CustomerId.of(ref), null, null);
    }

    /** The engine's shopper key: the customer id, or the hash a guest's address is known by (never the address). */
    public String key() {
        return ShopperKeys.of(customer, email, phone);
    }
}
