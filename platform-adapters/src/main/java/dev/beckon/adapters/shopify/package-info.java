/**
 * The Shopify platform adapter: verifies {@code X-Shopify-Hmac-Sha256} over the raw body (current and previous
 * client secret), then maps the topics Beckon uses onto canonical events. Entry point:
 * {@link dev.beckon.adapters.shopify.ShopifyAdapter}; everything else in this package is package-private.
 */
package dev.beckon.adapters.shopify;
