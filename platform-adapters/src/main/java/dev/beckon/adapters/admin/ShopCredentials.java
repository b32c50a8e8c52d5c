package dev.beckon.adapters.admin;

import java.util.Objects;

/**
 * What an admin-API call needs to act for one shop: the platform's key for the shop and its access token.
 *
 * @param shopKey     Shopify: the shop domain ({@code x.myshopify.com}); BigCommerce: the store hash; never blank
 * @param accessToken the offline / permanent token from the install; never blank, never logged
 */
public record ShopCredentials(String shopKey, String accessToken) {

    public ShopCredentials {
        if (shopKey == null || shopKey.isBlank()) {
            throw new IllegalArgumentException("shopKey must not be blank");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
    }

    @Override
    public String toString() {
        return "ShopCredentials[shopKey=" + shopKey + ", accessToken=<hidden>]";
    }
}
