package dev.beckon.adapters.shopify;

import java.time.Instant;

/**
 * What a topic mapping may know of a verified delivery besides its body.
 *
 * @param shopDomain   the shop's domain, from {@code X-Shopify-Shop-Domain} or else as registered; never null
 * @param fallbackTime when the store event happened if the body does not say: {@code X-Shopify-Triggered-At}, else
 *                     when Beckon received it; never null
 */
record Delivery(String shopDomain, Instant fallbackTime) {

    /** The first non-null of the body's own timestamps, else {@link #fallbackTime}. */
    Instant timeOr(Instant... fromBody) {
        for (Instant instant : fromBody) {
            if (instant != null) {
                return instant;
            }
        }
        return fallbackTime;
    }
}
