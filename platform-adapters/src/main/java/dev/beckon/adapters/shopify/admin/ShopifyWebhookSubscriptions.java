package dev.beckon.adapters.shopify.admin;

import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.adapters.shopify.install.WebhookSubscriber;
import dev.beckon.adapters.shopify.install.WebhookSubscription;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Subscribes a shop to every topic {@code ShopifyAdapter} maps, one GraphQL {@code webhookSubscriptionCreate} per
 * topic, JSON format, to Beckon's callback URL. A topic Shopify refuses ({@code userErrors}, e.g. an address already
 * taken after a re-install, or a missing protected-data approval) or a call that fails becomes a problem line; the
 * others are still made. The compliance topics are not here: Shopify takes them only from the app configuration.
 * Thread-safe; blocking.
 */
public final class ShopifyWebhookSubscriptions implements WebhookSubscriber {

    /** GraphQL {@code WebhookSubscriptionTopic}s of the topics {@code ShopifyAdapter} maps. */
    public static final List<String> TOPICS = List.of(
            "CHECKOUTS_CREATE",
            "CHECKOUTS_UPDATE",
            "ORDERS_CREATE",
            "ORDERS_FULFILLED",
            "ORDERS_PARTIALLY_FULFILLED",
            "CUSTOMERS_CREATE",
            "CUSTOMERS_UPDATE",
            "CUSTOMERS_MARKETING_CONSENT_UPDATE",
            "CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE",
            "APP_UNINSTALLED");

    static final String MUTATION = """
            mutation BeckonWebhook($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id topic }
                userErrors { field message }
              }
            }""";

    private final GraphqlCalls calls;

    /** @param calls never null */
    public ShopifyWebhookSubscriptions(GraphqlCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    @Override
    public Subscriptions subscribe(ShopDomain shop, String accessToken, URI callbackUrl) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        List<WebhookSubscription> made = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String topic : TOPICS) {
            JsonObject variables = Json.createObjectBuilder()
                    .add("topic", topic)
                    .add("webhookSubscription", Json.createObjectBuilder()
                            .add("callbackUrl", callbackUrl.toString())
                            .add("format", "JSON"))
                    .build();
            try {
                JsonObject data = calls.mutate(shop, accessToken, MUTATION, variables);
                JsonObject result = data.get("webhookSubscriptionCreate") instanceof JsonObject o ? o : null;
                String refused = ShopifyAdminApi.userErrors(result);
                JsonObject subscription = result != null && result.get("webhookSubscription") instanceof JsonObject o
                        ? o : null;
                String id = ShopifyAdminApi.text(subscription, "id");
                if (!refused.isEmpty() || id == null) {
                    problems.add(topic + ": " + (refused.isEmpty() ? "no subscription made" : refused));
                } else {
                    made.add(new WebhookSubscription(topic, id));
                }
            } catch (PlatformCallException e) {
                problems.add(topic + ": " + e.getMessage());
            }
        }
        return new Subscriptions(made, problems);
    }
}
