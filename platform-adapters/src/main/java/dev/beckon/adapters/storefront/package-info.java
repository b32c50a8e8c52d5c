/**
 * The storefront collector: events no platform sends server-side (a product viewed, an item added to the cart by an
 * anonymous visitor), posted by the {@code beckon-collect.js} snippet or a Shopify Web Pixel to
 * {@code POST /collect/{shopId}}. {@link dev.beckon.adapters.storefront.StorefrontCollector} checks the origin
 * ({@link dev.beckon.adapters.storefront.AllowedOrigins}), the shop's public key and the rate limits ({@link
 * dev.beckon.adapters.storefront.VisitorRateLimiter}), and {@link dev.beckon.adapters.storefront.StorefrontEvents}
 * turns the JSON into a canonical {@code ProductViewed} or {@code CartItemAdded} envelope. Pure logic, no I/O; time
 * comes from an injected clock. The snippets are resources next to these classes.
 */
package dev.beckon.adapters.storefront;
