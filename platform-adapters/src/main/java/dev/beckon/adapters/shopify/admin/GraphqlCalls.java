package dev.beckon.adapters.shopify.admin;

import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.RetryAfter;
import dev.beckon.adapters.http.ShopifyQueryCost;
import dev.beckon.adapters.http.Throttle;
import dev.beckon.adapters.shopify.install.ShopDomain;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs one GraphQL Admin operation for a shop: through the shop's throttle; after the answer, holds the next call
 * back by what its {@code extensions.cost.throttleStatus} says the same query would need; a {@code THROTTLED}
 * answer (HTTP 200) becomes {@code RATE_LIMITED} with the wait {@code (requestedQueryCost - currentlyAvailable) /
 * restoreRate}, which {@link BoundedRetry} waits out. Other top-level {@code errors} are {@code REJECTED} (or
 * {@code UNAUTHENTICATED} for {@code ACCESS_DENIED}). Thread-safe.
 */
public final class GraphqlCalls {

    private final ShopifyClients clients;
    private final BoundedRetry retry;

    /**
     * @param clients never null
     * @param retry   how often a throttled call is retried; never null
     */
    public GraphqlCalls(ShopifyClients clients, BoundedRetry retry) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** A read; returns the answer's {@code data} object, never null. */
    public JsonObject query(ShopDomain shop, String accessToken, String query, JsonObject variables) {
        return run(shop, accessToken, query, variables, false);
    }

    /** A mutation; returns the answer's {@code data} object, never null. */
    public JsonObject mutate(ShopDomain shop, String accessToken, String mutation, JsonObject variables) {
        return run(shop, accessToken, mutation, variables, true);
    }

    private JsonObject run(ShopDomain shop, String accessToken, String document, JsonObject variables,
            boolean mutation) {
        ShopifyGraphql client = clients.graphql(shop);
        Throttle throttle = clients.throttle(shop);
        JsonObject body = Json.createObjectBuilder().add("query", document).add("variables", variables).build();
        String version = clients.apiVersion();
        return retry.call(throttle, () -> {
            JsonObject answer = mutation ? client.mutate(version, accessToken, body)
                    : client.query(version, accessToken, body);
            if (answer == null) {
                throw new PlatformCallException(PlatformCallException.Kind.MALFORMED_ANSWER,
                        "Shopify answered without a body");
            }
            var cost = ShopifyQueryCost.of(answer);
            if (ShopifyQueryCost.isThrottled(answer)) {
                Duration wait = cost.map(ShopifyQueryCost::waitBeforeSameQuery)
                        .filter(d -> !d.isZero())
                        .orElse(RetryAfter.DEFAULT);
                throw new PlatformCallException(PlatformCallException.Kind.RATE_LIMITED, 200, wait,
                        "Shopify throttled the query (retry after " + wait.toMillis() + " ms)", null);
            }
            cost.ifPresent(c -> throttle.holdFor(c.waitBeforeSameQuery()));
            rejectErrors(answer);
            if (!(answer.get("data") instanceof JsonObject data)) {
                throw new PlatformCallException(PlatformCallException.Kind.MALFORMED_ANSWER,
                        "Shopify answered without data");
            }
            return data;
        });
    }

    private static void rejectErrors(JsonObject answer) {
        if (!(answer.get("errors") instanceof JsonArray errors) || errors.isEmpty()) {
            return;
        }
        JsonValue first = errors.get(0);
        String message = first instanceof JsonObject error && error.get("message") instanceof JsonString text
                ? text.getString() : "an error";
        String code = first instanceof JsonObject error && error.get("extensions") instanceof JsonObject extensions
                && extensions.get("code") instanceof JsonString text ? text.getString() : "";
        PlatformCallException.Kind kind = "ACCESS_DENIED".equals(code)
                ? PlatformCallException.Kind.UNAUTHENTICATED : PlatformCallException.Kind.REJECTED;
        throw new PlatformCallException(kind, 200, null, "Shopify refused the query: " + message, null);
    }
}
