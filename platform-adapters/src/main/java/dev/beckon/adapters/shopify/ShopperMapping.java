package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Shopper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a checkout, an order or a customer payload is about: customer id, name, contact and the consents it
 * carries. A consent the body does not state is left out (unknown), never assumed.
 */
final class ShopperMapping {

    static final String CHECKOUT_CONSENT_SOURCE = "shopify:checkout";
    static final String CUSTOMER_CONSENT_SOURCE = "shopify:customer";

    private ShopperMapping() {
    }

    /**
     * The shopper of a {@code checkouts/*} body. Phone is {@code sms_marketing_phone}, else {@code phone}, else
     * the customer's, else the shipping address's. The checkbox flags {@code buyer_accepts_sms_marketing} and
     * {@code buyer_accepts_marketing} give SMS and email marketing consent when present.
     *
     * @param updatedAt the checkout's {@code updated_at}, as the consents' time; may be null
     */
    static Shopper ofCheckout(JsonView body, Instant updatedAt) {
        Optional<JsonView> customer = body.object("customer");
        Optional<JsonView> shipping = body.object("shipping_address");
        Names names = Names.of(customer, body.object("billing_address"), shipping);
        String email = firstNonNull(body.string("email"), customer.map(c -> c.string("email")).orElse(null));
        String phone = firstNonNull(
                body.firstString("sms_marketing_phone", "phone"),
                customer.map(c -> c.string("phone")).orElse(null),
                shipping.map(s -> s.string("phone")).orElse(null));
        List<Consent> consents = new ArrayList<>(2);
        checkbox(body, "buyer_accepts_sms_marketing", ChannelType.SMS, updatedAt, consents);
        checkbox(body, "buyer_accepts_marketing", ChannelType.EMAIL, updatedAt, consents);
        return new Shopper(customerId(customer), names.first(), names.last(), email, phone, consents);
    }

    /** The shopper of an {@code orders/*} body: its customer, email and phone. No consent is read from orders. */
    static Shopper ofOrder(JsonView body) {
        Optional<JsonView> customer = body.object("customer");
        Optional<JsonView> shipping = body.object("shipping_address");
        Names names = Names.of(customer, body.object("billing_address"), shipping);
        String email = firstNonNull(
                body.firstString("email", "contact_email"),
                customer.map(c -> c.string("email")).orElse(null));
        String phone = firstNonNull(
                body.string("phone"),
                customer.map(c -> c.string("phone")).orElse(null),
                shipping.map(s -> s.string("phone")).orElse(null));
        return new Shopper(customerId(customer), names.first(), names.last(), email, phone, List.of());
    }

    /**
     * The shopper of a {@code customers/*} body (a Customer object). Phone falls back to the default address's.
     * Consents come from {@code email_marketing_consent} and {@code sms_marketing_consent} when present.
     */
    static Shopper ofCustomer(JsonView body) {
        CustomerId customer = CustomerId.of(body.requireId("id"));
        Optional<JsonView> address = body.object("default_address");
        Names names = Names.of(Optional.of(body), address);
        String phone = firstNonNull(body.string("phone"), address.map(a -> a.string("phone")).orElse(null));
        List<Consent> consents = new ArrayList<>(2);
        body.object("email_marketing_consent").ifPresent(c -> consents.add(consent(ChannelType.EMAIL, c)));
        body.object("sms_marketing_consent").ifPresent(c -> consents.add(consent(ChannelType.SMS, c)));
        return new Shopper(customer, names.first(), names.last(), body.string("email"), phone, consents);
    }

    /** A Shopify marketing-consent object ({@code state}, {@code consent_updated_at}) for one channel. */
    static Consent consent(ChannelType channel, JsonView consent) {
        return Consent.marketing(channel, state(consent.string("state")), CUSTOMER_CONSENT_SOURCE,
                consent.instant("consent_updated_at"));
    }

    /** Shopify's consent states; null or any state Shopify may add later reads as {@code UNKNOWN}. */
    static Consent.State state(String shopifyState) {
        if (shopifyState == null) {
            return Consent.State.UNKNOWN;
        }
        return switch (shopifyState.toLowerCase(Locale.ROOT)) {
            case "subscribed" -> Consent.State.SUBSCRIBED;
            case "not_subscribed" -> Consent.State.NOT_SUBSCRIBED;
            case "unsubscribed" -> Consent.State.UNSUBSCRIBED;
            case "pending" -> Consent.State.PENDING;
            case "redacted" -> Consent.State.REDACTED;
            default -> Consent.State.UNKNOWN;
        };
    }

    private static void checkbox(JsonView body, String field, ChannelType channel, Instant updatedAt,
                                 List<Consent> consents) {
        Boolean accepted = body.bool(field);
        if (accepted != null) {
            Consent.State state = accepted ? Consent.State.SUBSCRIBED : Consent.State.NOT_SUBSCRIBED;
            consents.add(Consent.marketing(channel, state, CHECKOUT_CONSENT_SOURCE, updatedAt));
        }
    }

    private static CustomerId customerId(Optional<JsonView> customer) {
        return customer.map(c -> c.id("id")).map(CustomerId::of).orElse(null);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A first and last name taken together from the first source that has either. */
    private record Names(String first, String last) {

        private static final Names NONE = new Names(null, null);

        @SafeVarargs
        static Names of(Optional<JsonView>... sources) {
            for (Optional<JsonView> source : sources) {
                if (source.isPresent()) {
                    String first = source.get().string("first_name");
                    String last = source.get().string("last_name");
                    if (first != null || last != null) {
                        return new Names(first, last);
                    }
                }
            }
            return NONE;
        }
    }
}
