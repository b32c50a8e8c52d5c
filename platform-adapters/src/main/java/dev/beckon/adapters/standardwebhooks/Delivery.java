package dev.beckon.adapters.standardwebhooks;

import java.time.Instant;

/**
 * What a mapping may know of a verified delivery besides its {@code data}.
 *
 * @param shopDomain   the shop's domain as registered; never null
 * @param fallbackTime when the event happened if {@code data} does not say: the envelope's {@code timestamp},
 *                     else the signed {@code webhook-timestamp}; never null
 */
record Delivery(String shopDomain, Instant fallbackTime) {

    /** The first non-null of {@code data}'s own timestamps, else {@link #fallbackTime}. */
    Instant timeOr(Instant... fromData) {
        for (Instant instant : fromData) {
            if (instant != null) {
                return instant;
            }
        }
        return fallbackTime;
    }
}
