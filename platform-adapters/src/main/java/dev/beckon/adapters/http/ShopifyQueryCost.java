package dev.beckon.adapters.http;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Optional;

/**
 * What a Shopify GraphQL Admin answer says about its calculated-cost budget, from
 * {@code extensions.cost{requestedQueryCost, actualQueryCost, throttleStatus{maximumAvailable, currentlyAvailable,
 * restoreRate}}} (knowledge file 2.5). The numbers differ per plan and change over time, so they are read from
 * every answer, never hard-coded.
 *
 * <p>The wait for a query of cost {@code c} is {@code (c - currentlyAvailable) / restoreRate} seconds, or zero when
 * enough points are available. Immutable and thread-safe.
 *
 * @param requestedQueryCost what Shopify estimated the query to cost, {@code >= 0}
 * @param maximumAvailable   the bucket's size
 * @param currentlyAvailable points left after this query
 * @param restoreRate        points restored per second, {@code > 0}
 */
public record ShopifyQueryCost(double requestedQueryCost, double maximumAvailable, double currentlyAvailable,
        double restoreRate) {

    /** The {@code errors[].extensions.code} of a throttled query, answered with HTTP 200. */
    public static final String THROTTLED = "THROTTLED";

    public ShopifyQueryCost {
        if (!(restoreRate > 0) || requestedQueryCost < 0) {
            throw new IllegalArgumentException("restoreRate must be > 0 and requestedQueryCost >= 0");
        }
    }

    /**
     * @param body a GraphQL answer's top-level object; null gives empty
     * @return empty if it has no readable {@code extensions.cost.throttleStatus}
     */
    public static Optional<ShopifyQueryCost> of(JsonObject body) {
        if (body == null) {
            return Optional.empty();
        }
        JsonObject cost = object(object(body, "extensions"), "cost");
        JsonObject status = object(cost, "throttleStatus");
        Double requested = number(cost, "requestedQueryCost");
        Double maximum = number(status, "maximumAvailable");
        Double available = number(status, "currentlyAvailable");
        Double rate = number(status, "restoreRate");
        if (requested == null || maximum == null || available == null || rate == null || !(rate > 0)
                || requested < 0) {
            return Optional.empty();
        }
        return Optional.of(new ShopifyQueryCost(requested, maximum, available, rate));
    }

    /** True if the answer's {@code errors} hold one with {@code extensions.code = THROTTLED}. */
    public static boolean isThrottled(JsonObject body) {
        if (body == null || !(body.get("errors") instanceof jakarta.json.JsonArray errors)) {
            return false;
        }
        for (JsonValue error : errors) {
            if (error instanceof JsonObject object && object.get("extensions") instanceof JsonObject extensions
                    && extensions.get("code") instanceof jakarta.json.JsonString code
                    && THROTTLED.equals(code.getString())) {
                return true;
            }
        }
        return false;
    }

    /** How long until {@code cost} points are available; zero if they are now. */
    public Duration waitFor(double cost) {
        double missing = cost - currentlyAvailable;
        if (missing <= 0) {
            return Duration.ZERO;
        }
        return RetryAfter.clamp(Duration.ofMillis((long) Math.ceil(missing / restoreRate * 1000)));
    }

    /** The wait before running the same query again: {@link #waitFor} its {@code requestedQueryCost}. */
    public Duration waitBeforeSameQuery() {
        return waitFor(requestedQueryCost);
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent != null && parent.get(name) instanceof JsonObject child ? child : null;
    }

    private static Double number(JsonObject parent, String name) {
        return parent != null && parent.get(name) instanceof JsonNumber number ? number.doubleValue() : null;
    }
}
