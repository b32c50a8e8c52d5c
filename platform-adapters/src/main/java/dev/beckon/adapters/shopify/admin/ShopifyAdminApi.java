package dev.beckon.adapters.shopify.admin;

import dev.beckon.adapters.admin.CustomerContact;
import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.admin.ShopCredentials;
import dev.beckon.adapters.admin.StoreAdminApi;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link StoreAdminApi} over Shopify's GraphQL Admin API, with the queries of knowledge file 2.5:
 * <ul>
 *   <li>customer: {@code customer(id){ defaultEmailAddress{ emailAddress marketingState } defaultPhoneNumber{
 *       phoneNumber marketingState } }} (2025-04+; the older {@code email}/{@code emailMarketingConsent} fields are
 *       deprecated). Needs {@code read_customers} and protected-customer-data approval.</li>
 *   <li>discount: {@code discountCodeBasicCreate} with {@code title}, {@code code}, {@code startsAt}, {@code endsAt},
 *       {@code context} (the customer, else all buyers), {@code customerGets} (a percentage as a fraction, or an
 *       amount off the order), {@code usageLimit: 1}, {@code appliesOncePerCustomer: true}; {@code userErrors} are
 *       {@code REJECTED}. Needs {@code write_discounts}. An amount is in the shop's currency.</li>
 *   <li>recovery URL: {@code abandonedCheckouts(first: 1, query: "id:N"){ nodes{ id abandonedCheckoutUrl
 *       completedAt } }} (2024-10+). Needs {@code read_orders} and the staff permission
 *       {@code manage_abandoned_checkouts}. Only a numeric or {@code AbandonedCheckout} gid is searchable: for a
 *       checkout token (Beckon's {@code CheckoutId} from webhooks) the answer is empty, and the webhook's
 *       {@code abandoned_checkout_url} is the source.</li>
 * </ul>
 * Ids stay text end to end. Thread-safe; blocking.
 */
public final class ShopifyAdminApi implements StoreAdminApi {

    static final String CUSTOMER_QUERY = """
            query BeckonCustomer($id: ID!) {
              customer(id: $id) {
                id
                defaultEmailAddress { emailAddress marketingState }
                defaultPhoneNumber { phoneNumber marketingState }
              }
            }""";

    static final String DISCOUNT_MUTATION = """
            mutation BeckonDiscount($basicCodeDiscount: DiscountCodeBasicInput!) {
              discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
                codeDiscountNode { id }
                userErrors { field code message }
              }
            }""";

    static final String ABANDONED_CHECKOUT_QUERY = """
            query BeckonAbandonedCheckout($query: String!) {
              abandonedCheckouts(first: 1, query: $query) {
                nodes { id abandonedCheckoutUrl completedAt }
              }
            }""";

    private static final String SOURCE = "shopify:admin";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final GraphqlCalls calls;

    /** @param calls never null */
    public ShopifyAdminApi(GraphqlCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    @Override
    public CustomerContact customer(ShopCredentials shop, CustomerId customer) {
        ShopDomain domain = ShopifyClients.shop(shop.shopKey());
        JsonObject data = calls.query(domain, shop.accessToken(), CUSTOMER_QUERY,
                Json.createObjectBuilder().add("id", ShopifyIds.gid("Customer", customer.value())).build());
        if (!(data.get("customer") instanceof JsonObject found)) {
            throw new PlatformCallException(PlatformCallException.Kind.NOT_FOUND, 200, null,
                    "Shopify has no customer " + customer, null);
        }
        JsonObject email = found.get("defaultEmailAddress") instanceof JsonObject o ? o : null;
        JsonObject phone = found.get("defaultPhoneNumber") instanceof JsonObject o ? o : null;
        return new CustomerContact(customer,
                text(email, "emailAddress"),
                text(phone, "phoneNumber"),
                Consent.marketing(ChannelType.EMAIL, state(text(email, "marketingState")), SOURCE, null),
                Consent.marketing(ChannelType.SMS, state(text(phone, "marketingState")), SOURCE, null));
    }

    @Override
    public DiscountCode createSingleUseDiscount(ShopCredentials shop, DiscountSpec spec) {
        ShopDomain domain = ShopifyClients.shop(shop.shopKey());
        JsonObjectBuilder value = Json.createObjectBuilder();
        if (spec.percentOff() != null) {
            value.add("percentage", spec.percentOff().divide(HUNDRED, 4, RoundingMode.HALF_UP));
        } else {
            value.add("discountAmount", Json.createObjectBuilder()
                    .add("amount", spec.amountOff().amount().toPlainString())
                    .add("appliesOnEachItem", false));
        }
        JsonObjectBuilder context = Json.createObjectBuilder();
        if (spec.customer() != null) {
            context.add("customers", Json.createObjectBuilder().add("add",
                    Json.createArrayBuilder().add(ShopifyIds.gid("Customer", spec.customer().value()))));
        } else {
            context.add("all", "ALL");
        }
        JsonObjectBuilder input = Json.createObjectBuilder()
                .add("title", spec.title())
                .add("code", spec.code())
                .add("startsAt", spec.startsAt().toString())
                .add("context", context)
                .add("customerGets", Json.createObjectBuilder()
                        .add("value", value)
                        .add("items", Json.createObjectBuilder().add("all", true)))
                .add("usageLimit", 1)
                .add("appliesOncePerCustomer", true);
        if (spec.endsAt() != null) {
            input.add("endsAt", spec.endsAt().toString());
        }
        JsonObject data = calls.mutate(domain, shop.accessToken(), DISCOUNT_MUTATION,
                Json.createObjectBuilder().add("basicCodeDiscount", input).build());
        JsonObject result = data.get("discountCodeBasicCreate") instanceof JsonObject o ? o : null;
        String problems = userErrors(result);
        if (!problems.isEmpty()) {
            throw new PlatformCallException(PlatformCallException.Kind.REJECTED, 200, null,
                    "Shopify refused the discount code: " + problems, null);
        }
        JsonObject node = result != null && result.get("codeDiscountNode") instanceof JsonObject o ? o : null;
        String id = text(node, "id");
        if (id == null) {
            throw new PlatformCallException(PlatformCallException.Kind.MALFORMED_ANSWER,
                    "Shopify created no discount and named no error");
        }
        return new DiscountCode(spec.code(), id);
    }

    @Override
    public Optional<URI> checkoutRecoveryUrl(ShopCredentials shop, CheckoutId checkout) {
        ShopDomain domain = ShopifyClients.shop(shop.shopKey());
        String numeric = ShopifyIds.numeric("AbandonedCheckout", checkout.value());
        if (numeric == null) {
            return Optional.empty();
        }
        JsonObject data = calls.query(domain, shop.accessToken(), ABANDONED_CHECKOUT_QUERY,
                Json.createObjectBuilder().add("query", "id:" + numeric).build());
        JsonObject checkouts = data.get("abandonedCheckouts") instanceof JsonObject o ? o : null;
        if (checkouts == null || !(checkouts.get("nodes") instanceof JsonArray nodes) || nodes.isEmpty()
                || !(nodes.get(0) instanceof JsonObject node)) {
            return Optional.empty();
        }
        if (node.get("completedAt") instanceof JsonString) {
            return Optional.empty();
        }
        String url = text(node, "abandonedCheckoutUrl");
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme())) {
                throw new URISyntaxException(url, "not https");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new PlatformCallException(PlatformCallException.Kind.MALFORMED_ANSWER, 200, null,
                    "Shopify's abandonedCheckoutUrl is not an https URL", e);
        }
    }

    static Consent.State state(String marketingState) {
        if (marketingState == null) {
            return Consent.State.UNKNOWN;
        }
        return switch (marketingState.toUpperCase(Locale.ROOT)) {
            case "SUBSCRIBED" -> Consent.State.SUBSCRIBED;
            case "NOT_SUBSCRIBED" -> Consent.State.NOT_SUBSCRIBED;
            case "UNSUBSCRIBED" -> Consent.State.UNSUBSCRIBED;
            case "PENDING" -> Consent.State.PENDING;
            case "REDACTED" -> Consent.State.REDACTED;
            default -> Consent.State.UNKNOWN;
        };
    }

    static String userErrors(JsonObject result) {
        if (result == null || !(result.get("userErrors") instanceof JsonArray errors)) {
            return "";
        }
        return errors.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject)
                .map(error -> Objects.requireNonNullElse(text(error, "message"), "an error"))
                .collect(Collectors.joining("; "));
    }

    static String text(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
