/**
 * The pure parts of Shopify's authorization-code install (knowledge file 2.4): {@link
 * dev.beckon.adapters.shopify.install.ShopDomain} validates the {@code shop} parameter and
 * {@link dev.beckon.adapters.shopify.install.OAuthCallbackVerifier} checks a callback's query HMAC, timestamp and
 * state. No HTTP here; the edge that redirects and exchanges the code builds on these.
 */
package dev.beckon.adapters.shopify.install;
