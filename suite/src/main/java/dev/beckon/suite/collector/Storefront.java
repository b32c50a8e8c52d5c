package dev.beckon.suite.collector;

import dev.beckon.api.model.ShopId;

import java.util.List;

/**
 * A shop's storefront collector settings.
 *
 * @param publicKey what the snippet sends; public by design (it only lets a storefront page post events)
 * @param origins   the storefront origins allowed to post, such as {@code https://shop.example.com}
 */
public record Storefront(ShopId shop, String publicKey, List<String> origins) {

    public Storefront {
        origins = List.copyOf(origins);
    }
}
