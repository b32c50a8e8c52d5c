/**
 * Calling store platforms' admin APIs without tripping their rate limits (knowledge file 2.5, 4.3, 10.7).
 *
 * <p>Pure, clock-injected rules read what a platform says about its budget: {@link
 * dev.beckon.adapters.http.RetryAfter} ({@code Retry-After}, seconds or HTTP-date), {@link
 * dev.beckon.adapters.http.ShopifyCallLimit} ({@code X-Shopify-Shop-Api-Call-Limit}), {@link
 * dev.beckon.adapters.http.ShopifyQueryCost} (GraphQL {@code extensions.cost.throttleStatus}) and {@link
 * dev.beckon.adapters.http.BigCommerceRateLimit} ({@code X-Rate-Limit-*}). They feed a per-shop {@link
 * dev.beckon.adapters.http.Throttle}, which every call passes through first; {@link
 * dev.beckon.adapters.http.ThrottleFilter} does that for a JAX-RS / MicroProfile REST client, {@link
 * dev.beckon.adapters.http.PlatformResponses} turns error answers into a typed {@link
 * dev.beckon.adapters.http.PlatformCallException}, and {@link dev.beckon.adapters.http.BoundedRetry} waits out a
 * {@code 429} a bounded number of times instead of failing the journey. Waiting goes through an injected {@link
 * dev.beckon.adapters.http.Sleeper}, so tests never sleep.
 */
package dev.beckon.adapters.http;
