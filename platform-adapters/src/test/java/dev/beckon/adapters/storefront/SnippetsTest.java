package dev.beckon.adapters.storefront;

import dev.beckon.api.model.ShopId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippets are packaged and filled in as a merchant pastes them. */
class SnippetsTest {

    private static final URI BASE = URI.create("https://beckon.example.com/");

    @Test
    void theCollectorScriptShipsItsPublicFunctionsAndPostsToTheCollector() {
        assertThat(Snippets.collectorScript())
                .contains("productViewed: function", "addedToCart: function", "navigator.sendBeacon",
                        "w.fetch(url", "'/collect/'", "localStorage", "data-key");
    }

    @Test
    void theScriptTagEscapesItsAttributes() {
        assertThat(Snippets.scriptTag(BASE, ShopId.of("shop\"1"), "pk_<x>"))
                .isEqualTo("<script async src=\"https://beckon.example.com/collect/beckon-collect.js\""
                        + " data-shop=\"shop&quot;1\" data-key=\"pk_&lt;x&gt;\"></script>");
    }

    @Test
    void theShopifyPixelIsFilledInForTheShop() {
        assertThat(Snippets.shopifyWebPixel(BASE, ShopId.of("shop 1"), "pk_abc"))
                .contains("const BECKON = 'https://beckon.example.com/collect/shop%201?key=pk_abc';")
                .contains("analytics.subscribe('product_viewed'", "analytics.subscribe('product_added_to_cart'")
                .doesNotContain("BECKON_HOST");
    }

    @Test
    void publicKeysAreRandomAndOfOneShape() {
        SecureRandom random = new SecureRandom();
        String key = Snippets.newPublicKey(random);

        assertThat(key).matches("pk_[A-Za-z0-9]{24}").isNotEqualTo(Snippets.newPublicKey(random));
    }
}
