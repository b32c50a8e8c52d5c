package dev.beckon.adapters.bigcommerce.admin;

import dev.beckon.adapters.admin.CustomerContact;
import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.admin.ShopCredentials;
import dev.beckon.adapters.admin.StoreAdminApi;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link StoreAdminApi} over BigCommerce's REST v3 (knowledge file 4.3):
 * <ul>
 *   <li>customer: {@code GET /v3/customers?id:in={id}}: {@code email}, {@code phone}; email marketing consent from
 *       {@code accepts_product_review_abandoned_cart_emails} (true: subscribed, false: not subscribed). BigCommerce
 *       keeps no SMS consent, so SMS is {@code UNKNOWN} and needs Beckon's own opt-in.</li>
 *   <li>discount: {@code POST /v3/promotions} (coupon redemption, {@code max_uses: 1}, a percentage or fixed amount
 *       off the cart), then {@code POST /v3/promotions/{id}/codes} with {@code max_uses: 1} and
 *       {@code max_uses_per_customer: 1}. Promotions cannot name one customer, so the code is single-use but not
 *       bound to {@link DiscountSpec#customer}.</li>
 *   <li>recovery URL: {@code POST /v3/carts/{cartId}/redirect_urls}: its {@code checkout_url}; a cart BigCommerce no
 *       longer has ({@code 404}) gives empty.</li>
 * </ul>
 * Ids stay text. Thread-safe; blocking.
 */
public final class BigCommerceAdminApi implements StoreAdminApi {

    private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,19}");
    private static final Pattern CART_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String CONSENT_SOURCE = "bigcommerce:accepts_product_review_abandoned_cart_emails";

    private final BigCommerceClients clients;

    /** @param clients never null */
    public BigCommerceAdminApi(BigCommerceClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public CustomerContact customer(ShopCredentials shop, CustomerId customer) {
        if (!NUMERIC.matcher(customer.value()).matches()) {
            throw new PlatformCallException(PlatformCallException.Kind.REJECTED,
                    "'" + customer + "' is not a BigCommerce customer id");
        }
        JsonObject answer = clients.call(shop.shopKey(),
                api -> api.customers(shop.shopKey(), shop.accessToken(), customer.value()));
        if (!(answer.get("data") instanceof JsonArray data) || data.isEmpty()
                || !(data.get(0) instanceof JsonObject found)) {
            throw new PlatformCallException(PlatformCallException.Kind.NOT_FOUND, 200, null,
                    "BigCommerce has no customer " + customer, null);
        }
        JsonValue accepts = found.get("accepts_product_review_abandoned_cart_emails");
        JsonValue.ValueType type = accepts == null ? JsonValue.ValueType.NULL : accepts.getValueType();
        Consent.State email = type == JsonValue.ValueType.TRUE ? Consent.State.SUBSCRIBED
                : type == JsonValue.ValueType.FALSE ? Consent.State.NOT_SUBSCRIBED : Consent.State.UNKNOWN;
        return new CustomerContact(customer, blankToNull(text(found, "email")), blankToNull(text(found, "phone")),
                Consent.marketing(ChannelType.EMAIL, email, CONSENT_SOURCE, null),
                Consent.marketing(ChannelType.SMS, Consent.State.UNKNOWN, "", null));
    }

    @Override
    public DiscountCode createSingleUseDiscount(ShopCredentials shop, DiscountSpec spec) {
        JsonObjectBuilder discount = Json.createObjectBuilder();
        if (spec.percentOff() != null) {
            discount.add("percentage_amount", spec.percentOff().stripTrailingZeros().toPlainString());
        } else {
            discount.add("fixed_amount", spec.amountOff().amount().toPlainString());
        }
        JsonObjectBuilder promotion = Json.createObjectBuilder()
                .add("name", spec.title())
                .add("redemption_type", "COUPON")
                .add("status", "ENABLED")
                .add("max_uses", 1)
                .add("start_date", spec.startsAt().toString())
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("action", Json.createObjectBuilder()
                                .add("cart_value", Json.createObjectBuilder().add("discount", discount)))));
        if (spec.endsAt() != null) {
            promotion.add("end_date", spec.endsAt().toString());
        }
        JsonObject created = clients.call(shop.shopKey(),
                api -> api.createPromotion(shop.shopKey(), shop.accessToken(), promotion.build()));
        String promotionId = id(created);
        JsonObject code = Json.createObjectBuilder()
                .add("code", spec.code())
                .add("max_uses", 1)
                .add("max_uses_per_customer", 1)
                .build();
        clients.call(shop.shopKey(),
                api -> api.createCouponCode(shop.shopKey(), shop.accessToken(), promotionId, code));
        return new DiscountCode(spec.code(), promotionId);
    }

    @Override
    public Optional<URI> checkoutRecoveryUrl(ShopCredentials shop, CheckoutId checkout) {
        if (!CART_ID.matcher(checkout.value()).matches()) {
            throw new PlatformCallException(PlatformCallException.Kind.REJECTED,
                    "'" + checkout + "' is not a BigCommerce cart id");
        }
        JsonObject answer;
        try {
            answer = clients.call(shop.shopKey(),
                    api -> api.redirectUrls(shop.shopKey(), shop.accessToken(), checkout.value()));
        } catch (PlatformCallException e) {
            if (e.kind() == PlatformCallException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        JsonObject data = answer.get("data") instanceof JsonObject d ? d : null;
        String url = text(data, "checkout_url");
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
                    "BigCommerce's checkout_url is not an https URL", e);
        }
    }

    /** {@code data.id} as exact text. */
    static String id(JsonObject answer) {
        JsonObject data = answer != null && answer.get("data") instanceof JsonObject d ? d : null;
        if (data != null && data.get("id") instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw new PlatformCallException(PlatformCallException.Kind.MALFORMED_ANSWER,
                "BigCommerce's answer has no data.id");
    }

    static String text(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
