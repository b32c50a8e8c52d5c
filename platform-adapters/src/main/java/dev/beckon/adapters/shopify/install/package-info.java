/**
 * Shopify's authorization-code install (knowledge file 2.4): {@link
 * dev.beckon.adapters.shopify.install.ShopifyInstall} runs it, built on the pure checks {@link
 * dev.beckon.adapters.shopify.install.ShopDomain} (the {@code shop} parameter) and {@link
 * dev.beckon.adapters.shopify.install.OAuthCallbackVerifier} (query HMAC, timestamp, state), one-time state nonces in
 * {@link dev.beckon.adapters.shopify.install.InstallStates}, the code exchange {@link
 * dev.beckon.adapters.shopify.install.ShopifyTokenExchange} (MicroProfile REST client) and the {@link
 * dev.beckon.adapters.shopify.install.WebhookSubscriber} port. No storage here: the suite keeps the installation it
 * is handed.
 */
package dev.beckon.adapters.shopify.install;
