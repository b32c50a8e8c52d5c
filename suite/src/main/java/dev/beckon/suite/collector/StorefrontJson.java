package dev.beckon.suite.collector;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A shop's storefront collector as the merchant API shows it, with what to paste into the storefront.
 *
 * @param scriptTag       the tag to paste into the theme's {@code <head>}
 * @param shopifyWebPixel a Shopify custom pixel (Settings → Customer events) doing the same
 */
@Schema(name = "Storefront")
public record StorefrontJson(
        @Schema(required = true, example = "pk_a1B2c3D4e5F6g7H8i9J0k1L2") String publicKey,
        @Schema(required = true, example = "[\"https://shop.example.com\"]") List<String> origins,
        @Schema(required = true) String collectUrl,
        @Schema(required = true) String scriptTag,
        @Schema(required = true) String shopifyWebPixel) {
}
