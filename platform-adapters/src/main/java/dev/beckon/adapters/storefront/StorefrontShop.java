package dev.beckon.adapters.storefront;

import dev.beckon.api.model.ShopId;

import java.util.Objects;

/**
 * What the collector knows of the shop a request is addressed to.
 *
 * @param shop      never null
 * @param publicKey the key the snippet carries ({@code data-key}); public by design (it is in the page), it ties a
 *                  snippet to a shop and can be rotated; never null or blank
 * @param origins   the shop's storefront origins; never null
 */
public record StorefrontShop(ShopId shop, String publicKey, AllowedOrigins origins) {

    public StorefrontShop {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.isBlank()) {
            throw new IllegalArgumentException("publicKey must not be blank");
        }
        Objects.requireNonNull(origins, "origins");
    }
}
