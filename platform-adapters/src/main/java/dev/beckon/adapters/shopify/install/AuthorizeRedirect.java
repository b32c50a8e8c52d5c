package dev.beckon.adapters.shopify.install;

import java.net.URI;
import java.util.Objects;

/**
 * Where to send the merchant's browser to approve the install, and the state nonce in it (the edge may also put it
 * in a signed cookie, as {@code shopify-app-js} does).
 *
 * @param url   {@code https://{shop}/admin/oauth/authorize?client_id&scope&redirect_uri&state}; never null
 * @param shop  never null
 * @param state never null
 */
public record AuthorizeRedirect(URI url, ShopDomain shop, String state) {

    public AuthorizeRedirect {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(state, "state");
    }
}
