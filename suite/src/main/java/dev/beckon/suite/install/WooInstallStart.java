package dev.beckon.suite.install;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/shops/{id}/install/woocommerce}.
 *
 * @param storeUrl the store's home page, {@code https://shop.example.com}; its host must be the shop's domain
 */
@Schema(name = "WooInstallStart")
public record WooInstallStart(@Schema(required = true, example = "https://shop.example.com") String storeUrl) {
}
