package dev.beckon.adapters.shopify;

import dev.beckon.adapters.PlatformAdapterContract;
import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.DataAccessRequested;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Accepted;
import dev.beckon.api.platform.WebhookOutcome.Ignored;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookOutcome.Rejected;
import dev.beckon.api.platform.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform contract plus Shopify's own vectors, header spellings, samples and dedup rules. */
class ShopifyAdapterTest extends PlatformAdapterContract {

    private static final String DOMAIN = "jsmith.myshopify.com";
    private static final String CURRENT_SECRET = "shpss_current_0123456789abcdef";
    private static final String PREVIOUS_SECRET = "shpss_previous_fedcba9876543210";
    private static final ShopContext SHOP = new ShopContext(ShopId.of("shop-jsmith"), DOMAIN,
            List.of(CURRENT_SECRET, PREVIOUS_SECRET));
    private static final String EVENT_ID = "59d6d79c-595f-4e7e-bc6f-72f5c3d0c66f";
    private static final String WEBHOOK_ID = "545ebdd4-b7be-4d3d-b14e-54aa78e0e0f9";
    private static final String TRIGGERED_AT = "2025-07-10T16:15:47.000000Z";
    private static final Instant SAMPLE_TIME = Instant.parse("2022-01-01T00:00:00Z");

    private final ShopifyAdapter adapter = new ShopifyAdapter();

    // ---- the contract's inputs

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected ShopContext shop() {
        return SHOP;
    }

    @Override
    protected byte[] validBody() {
        return resource("shopify/checkouts-update.json");
    }

    @Override
    protected Class<? extends EventPayload> expectedPayloadType() {
        return CheckoutUpdated.class;
    }

    @Override
    protected Headers signedHeaders(byte[] body, String secret) {
        return Headers.of(
                "X-Shopify-Topic", "checkouts/update",
                "X-Shopify-Hmac-Sha256", hmac(secret, body),
                "X-Shopify-Shop-Domain", DOMAIN,
                "X-Shopify-API-Version", "2026-07",
                "X-Shopify-Webhook-Id", WEBHOOK_ID,
                "X-Shopify-Triggered-At", TRIGGERED_AT,
                "X-Shopify-Event-Id", EVENT_ID);
    }

    @Override
    protected Set<String> signatureHeaderNames() {
        return Set.of("X-Shopify-Hmac-Sha256", "shopify-hmac-sha256");
    }

    // ---- published signature vectors

    @Test
    void thePhpLibraryVectorVerifiesAndItsUnmappedTopicIsIgnored() {
        JsonObject vector = shopifyVector();
        String secret = vector.getString("secret");
        byte[] body = vector.getString("body").getBytes(StandardCharsets.UTF_8);
        JsonObject headers = vector.getJsonObject("headers");
        ShopContext shop = new ShopContext(ShopId.of("test-shop"),
                headers.getString("X-Shopify-Shop-Domain"), List.of(secret));
        Headers delivered = Headers.of(
                "X-Shopify-Hmac-Sha256", headers.getString("X-Shopify-Hmac-Sha256"),
                "X-Shopify-Topic", headers.getString("X-Shopify-Topic"),
                "X-Shopify-Shop-Domain", headers.getString("X-Shopify-Shop-Domain"));

        assertThat(hmac(secret, body)).as("the test's own signing agrees with the vector")
                .isEqualTo(headers.getString("X-Shopify-Hmac-Sha256"));
        assertThat(adapter.receive(new WebhookRequest(shop, delivered, body, RECEIVED_AT)))
                .isEqualTo(new Ignored("topic products/update is not used by Beckon"));

        byte[] flipped = body.clone();
        flipped[2] ^= 0x01;
        assertUnauthenticated(adapter.receive(new WebhookRequest(shop, delivered, flipped, RECEIVED_AT)));
    }

    @Test
    void theRubyDerivedVectorVerifiesWithLowerCaseHeaderNames() {
        ShopContext shop = new ShopContext(ShopId.of("ruby"), "test-shop.myshopify.com", List.of("API_SECRET_KEY"));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Headers delivered = Headers.of(
                "x-shopify-hmac-sha256", "+ihUB5l+D7QrohDEi/6NcBcJRyKssyWqos13LmnsBbs=",
                "x-shopify-topic", "products/update",
                "x-shopify-webhook-id", "b1234-eefd-4c9e-9520-049845a02082",
                "x-shopify-api-version", "2024-01");

        assertThat(adapter.receive(new WebhookRequest(shop, delivered, body, RECEIVED_AT)))
                .isInstanceOf(Ignored.class);

        Headers checkout = with(delivered, "x-shopify-topic", "checkouts/update");
        assertThat(adapter.receive(new WebhookRequest(shop, checkout, body, RECEIVED_AT)))
                .as("verified first, then found to lack the checkout token")
                .isEqualTo(new Rejected(Problem.MALFORMED, "checkouts/update body: token is missing"));
    }

    // ---- verification

    @Test
    void theUnprefixedEventsHeaderFamilyIsAccepted() {
        byte[] body = validBody();
        Headers events = Headers.of(
                "shopify-hmac-sha256", hmac(CURRENT_SECRET, body),
                "shopify-topic", "checkouts/update",
                "shopify-shop-domain", DOMAIN,
                "shopify-event-id", "evt-unprefixed-1",
                "shopify-webhook-id", "delivery-1",
                "shopify-triggered-at", TRIGGERED_AT);

        WebhookOutcome outcome = adapter.receive(request(events, body));

        assertThat(dedupKeys(outcome)).containsExactly("checkouts/update:evt-unprefixed-1");
        assertThat(single(outcome).sourceTopic()).isEqualTo("checkouts/update");
    }

    @Test
    void thePrefixedSignatureHeaderIsReadFirst() {
        byte[] body = validBody();
        Headers both = with(signedHeaders(body), "shopify-hmac-sha256", hmac("not-the-secret", body));

        assertThat(adapter.receive(request(both, body))).isInstanceOf(Accepted.class);
    }

    @Test
    void aBodySignedWithThePreviousSecretVerifiesDuringARotation() {
        byte[] body = validBody();

        assertThat(adapter.receive(request(signedHeaders(body, PREVIOUS_SECRET), body))).isInstanceOf(Accepted.class);
    }

    @Test
    void aMissingSignatureIsRejectedNamingTheHeader() {
        byte[] body = validBody();
        Headers unsigned = without(signedHeaders(body), signatureHeaderNames());

        assertThat(adapter.receive(request(unsigned, body)))
                .isEqualTo(new Rejected(Problem.UNAUTHENTICATED, "missing X-Shopify-Hmac-Sha256 header"));
    }

    @ParameterizedTest
    @CsvSource({"%%% not base64 %%%", "c2hvcnQ=", "+ihUB5l+D7QrohDEi/6NcBcJRyKssyWqos13LmnsBbs="})
    void aMalformedOrWrongSignatureIsRejectedWithoutRevealingTheExpectedOne(String signature) {
        byte[] body = validBody();
        Headers headers = with(signedHeaders(body), "X-Shopify-Hmac-Sha256", signature);

        WebhookOutcome outcome = adapter.receive(request(headers, body));

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.problem()).isEqualTo(Problem.UNAUTHENTICATED);
            assertThat(rejected.reason()).startsWith("signature does not match")
                    .doesNotContain(hmac(CURRENT_SECRET, body), hmac(PREVIOUS_SECRET, body), CURRENT_SECRET);
        });
    }

    @Test
    void aSignedDeliveryNamingAnotherDomainIsStillAcceptedBecauseTheUrlAndSecretAuthenticateIt() {
        byte[] body = validBody();
        Headers headers = with(signedHeaders(body), "X-Shopify-Shop-Domain", "www.storefront-domain.com");

        assertThat(adapter.receive(request(headers, body))).isInstanceOf(Accepted.class);
    }

    @Test
    void theShopDomainIsComparedIgnoringCase() {
        byte[] body = validBody();
        Headers headers = with(signedHeaders(body), "X-Shopify-Shop-Domain", "JSmith.MyShopify.com");

        assertThat(adapter.receive(request(headers, body))).isInstanceOf(Accepted.class);
    }

    @Test
    void theSignatureIsCheckedBeforeTheDomain() {
        byte[] body = validBody();
        Headers headers = with(signedHeaders(body, "wrong-secret"), "X-Shopify-Shop-Domain", "other.myshopify.com");

        assertThat(adapter.receive(request(headers, body))).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("signature does not match"));
    }

    @Test
    void aMissingTopicIsMalformed() {
        byte[] body = validBody();
        Headers headers = without(signedHeaders(body), Set.of("X-Shopify-Topic"));

        assertThat(adapter.receive(request(headers, body)))
                .isEqualTo(new Rejected(Problem.MALFORMED, "missing X-Shopify-Topic header"));
    }

    @Test
    void aTopicBeckonDoesNotUseIsIgnored() {
        byte[] body = resource("shopify/carts-update.json");

        assertThat(adapter.receive(delivery("carts/update", body)))
                .isEqualTo(new Ignored("topic carts/update is not used by Beckon"));
    }

    @Test
    void customersDataRequestMapsOntoADataAccessRequestTheMerchantSees() {
        byte[] body = resource("shopify/customers-data-request.json");

        assertThat(single(adapter.receive(delivery("customers/data_request", body))).payload()).isEqualTo(
                new DataAccessRequested(CustomerId.of("191167"), "john@example.com", "555-625-1199",
                        List.of(OrderId.of("299938"), OrderId.of("280263"), OrderId.of("220458")), "9999"));
    }

    // ---- checkouts

    @Test
    void checkoutsUpdateMapsTheSampleOntoCheckoutUpdated() {
        WebhookOutcome outcome = adapter.receive(validRequest());

        EventEnvelope event = single(outcome);
        assertThat(event.source()).isEqualTo("shopify");
        assertThat(event.sourceTopic()).isEqualTo("checkouts/update");
        assertThat(event.occurredAt()).isEqualTo(SAMPLE_TIME);
        assertThat(event.dedupKey()).isEqualTo("checkouts/update:" + EVENT_ID);
        CheckoutUpdated checkout = (CheckoutUpdated) event.payload();
        assertThat(checkout.checkout()).isEqualTo(CheckoutId.of("123123123"));
        assertThat(checkout.cartToken()).isEqualTo("eeafa272cebfd4b22385bc4b645e762c");
        assertThat(checkout.total()).hasToString("421.88 USD");
        assertThat(checkout.lines()).containsExactly(new LineItem(ProductId.of("632910392"), "808950810",
                "IPOD2008PINK", "IPod Nano - 8GB", 1, Money.of("199.00", "USD")));
        assertThat(checkout.recoveryUrl()).isEqualTo(URI.create(
                "https://checkout.local/548380009/checkouts/123123123/recover?key=example-secret-token"));
        assertThat(checkout.updatedAt()).isEqualTo(SAMPLE_TIME);
        assertThat(checkout.completedAt()).isNull();
        assertThat(checkout.shopper().customer()).isEqualTo(CustomerId.of("603851970716743426"));
        assertThat(checkout.shopper().firstName()).isEqualTo("John");
        assertThat(checkout.shopper().lastName()).isEqualTo("Smith");
        assertThat(checkout.shopper().email()).as("the checkout's email before the customer's")
                .isEqualTo("example@email.com");
        assertThat(checkout.shopper().phone()).isNull();
        assertThat(checkout.shopper().consents()).containsExactlyInAnyOrder(
                Consent.marketing(ChannelType.SMS, Consent.State.NOT_SUBSCRIBED, "shopify:checkout", SAMPLE_TIME),
                Consent.marketing(ChannelType.EMAIL, Consent.State.NOT_SUBSCRIBED, "shopify:checkout", SAMPLE_TIME));
    }

    @Test
    void checkoutsCreateMapsLikeAnUpdate() {
        WebhookOutcome outcome = adapter.receive(delivery("checkouts/create", validBody()));

        assertThat(single(outcome).payload()).isInstanceOfSatisfying(CheckoutUpdated.class,
                checkout -> assertThat(checkout.checkout()).isEqualTo(CheckoutId.of("123123123")));
        assertThat(single(outcome).sourceTopic()).isEqualTo("checkouts/create");
    }

    @Test
    void aCheckoutPrefersTheSmsMarketingPhoneAndReadsAcceptedConsent() {
        JsonObject body = edit(validBody(), b -> b
                .add("buyer_accepts_sms_marketing", true)
                .add("sms_marketing_phone", "+16135550111")
                .add("phone", "+16135550999")
                .add("completed_at", "2022-01-01T01:00:00Z"));

        CheckoutUpdated checkout = (CheckoutUpdated) single(adapter.receive(delivery("checkouts/update", body)))
                .payload();

        assertThat(checkout.shopper().phone()).isEqualTo("+16135550111");
        assertThat(checkout.shopper().marketingConsent(ChannelType.SMS)).map(Consent::state)
                .contains(Consent.State.SUBSCRIBED);
        assertThat(checkout.completedAt()).isEqualTo(Instant.parse("2022-01-01T01:00:00Z"));
        assertThat(checkout.completed()).isTrue();
    }

    @Test
    void aGuestCheckoutTakesNameAndPhoneFromItsAddresses() {
        JsonObject body = edit(validBody(), b -> b
                .remove("customer")
                .add("billing_address", Json.createObjectBuilder().add("first_name", "Ada").add("last_name", "Byron"))
                .add("shipping_address", Json.createObjectBuilder().add("first_name", "Bob")
                        .add("phone", "555-625-1199")));

        CheckoutUpdated checkout = (CheckoutUpdated) single(adapter.receive(delivery("checkouts/update", body)))
                .payload();

        assertThat(checkout.shopper().customer()).isNull();
        assertThat(checkout.shopper().firstName()).isEqualTo("Ada");
        assertThat(checkout.shopper().lastName()).isEqualTo("Byron");
        assertThat(checkout.shopper().phone()).isEqualTo("555-625-1199");
    }

    @Test
    void consentIsUnknownWhenTheCheckoutDoesNotStateIt() {
        JsonObject body = edit(validBody(), b -> b.remove("buyer_accepts_marketing")
                .remove("buyer_accepts_sms_marketing"));

        CheckoutUpdated checkout = (CheckoutUpdated) single(adapter.receive(delivery("checkouts/update", body)))
                .payload();

        assertThat(checkout.shopper().consents()).isEmpty();
    }

    @Test
    void anInvalidRecoveryUrlIsDroppedNotTheEvent() {
        JsonObject body = edit(validBody(), b -> b.add("abandoned_checkout_url", "not a url at all"));

        CheckoutUpdated checkout = (CheckoutUpdated) single(adapter.receive(delivery("checkouts/update", body)))
                .payload();

        assertThat(checkout.recoveryUrl()).isNull();
    }

    @Test
    void idsBeyondTwoToThe53StayExactWhenGivenAsNumbers() {
        JsonObject body = edit(validBody(), b -> b
                .add("token", 9007199254740993L)
                .add("customer", Json.createObjectBuilder().add("id", 9223372036854775807L)));

        CheckoutUpdated checkout = (CheckoutUpdated) single(adapter.receive(delivery("checkouts/update", body)))
                .payload();

        assertThat(checkout.checkout()).isEqualTo(CheckoutId.of("9007199254740993"));
        assertThat(checkout.shopper().customer()).isEqualTo(CustomerId.of("9223372036854775807"));
    }

    // ---- orders

    @Test
    void ordersCreateMapsTheSampleOntoOrderPlaced() {
        WebhookOutcome outcome = adapter.receive(delivery("orders/create", resource("shopify/orders-create.json")));

        EventEnvelope event = single(outcome);
        assertThat(event.occurredAt()).isEqualTo(SAMPLE_TIME);
        OrderPlaced order = (OrderPlaced) event.payload();
        assertThat(order.order()).isEqualTo(OrderId.of("820982911946154508"));
        assertThat(order.name()).isEqualTo("#9999");
        assertThat(order.checkout()).isNull();
        assertThat(order.cartToken()).isNull();
        assertThat(order.placedAt()).isEqualTo(SAMPLE_TIME);
        assertThat(order.total()).isEqualTo(Money.of("404.95", "USD"));
        assertThat(order.lines()).containsExactly(new LineItem(ProductId.of("788032119674292922"), null,
                "SKU2006-001", "Aviator sunglasses", 1, Money.of("89.99", "USD")));
        assertThat(order.shopper().customer()).isEqualTo(CustomerId.of("115310627314723954"));
        assertThat(order.shopper().email()).isEqualTo("jon@example.com");
        assertThat(order.shopper().firstName()).isEqualTo("John");
    }

    @Test
    void anOrderNamesTheCheckoutItCompletesByItsToken() {
        JsonObject body = edit(resource("shopify/orders-create.json"), b -> b
                .add("checkout_token", "123123123")
                .add("cart_token", "eeafa272cebfd4b22385bc4b645e762c"));
        CheckoutUpdated checkout = (CheckoutUpdated) single(adapter.receive(validRequest())).payload();

        OrderPlaced order = (OrderPlaced) single(adapter.receive(delivery("orders/create", body))).payload();

        assertThat(order.checkout()).isEqualTo(checkout.checkout());
        assertThat(order.cartToken()).isEqualTo(checkout.cartToken());
    }

    @ParameterizedTest
    @CsvSource({"orders/fulfilled, false", "orders/partially_fulfilled, true"})
    void fulfilledOrdersMapOntoOrderFulfilled(String topic, boolean partial) {
        JsonObject body = edit(resource("shopify/orders-create.json"), b -> b.add("fulfillments",
                Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("created_at", "2022-01-02T10:00:00-05:00")
                        .add("tracking_url", "https://tracking.example/1Z999"))));

        OrderFulfilled fulfilled = (OrderFulfilled) single(adapter.receive(delivery(topic, body))).payload();

        assertThat(fulfilled.order()).isEqualTo(OrderId.of("820982911946154508"));
        assertThat(fulfilled.partial()).isEqualTo(partial);
        assertThat(fulfilled.trackingUrl()).isEqualTo(URI.create("https://tracking.example/1Z999"));
        assertThat(fulfilled.fulfilledAt()).isEqualTo(Instant.parse("2022-01-02T15:00:00Z"));
    }

    // ---- customers and consent

    @Test
    void customersCreateMapsTheSampleOntoCustomerUpdated() {
        WebhookOutcome outcome = adapter.receive(delivery("customers/create",
                resource("shopify/customers-create.json")));

        CustomerUpdated customer = (CustomerUpdated) single(outcome).payload();
        assertThat(customer.shopper().customer()).isEqualTo(CustomerId.of("706405506930370084"));
        assertThat(customer.shopper().firstName()).isEqualTo("Bob");
        assertThat(customer.shopper().lastName()).isEqualTo("Biller");
        assertThat(customer.shopper().email()).isEqualTo("bob@biller.com");
        assertThat(customer.shopper().phone()).as("from the default address").isEqualTo("555-555-5555");
        assertThat(customer.shopper().consents()).as("the 2026-07 sample carries none").isEmpty();
        assertThat(customer.updatedAt()).isEqualTo(SAMPLE_TIME);
    }

    @Test
    void customersUpdateReadsBothMarketingConsents() {
        byte[] body = unwrap(resource("shopify/customer-with-consents.json"), "customer");

        CustomerUpdated customer = (CustomerUpdated) single(adapter.receive(delivery("customers/update", body)))
                .payload();

        assertThat(customer.shopper().customer()).isEqualTo(CustomerId.of("207119551"));
        assertThat(customer.shopper().phone()).isEqualTo("+16136120707");
        assertThat(customer.shopper().consents()).containsExactlyInAnyOrder(
                Consent.marketing(ChannelType.EMAIL, Consent.State.NOT_SUBSCRIBED, "shopify:customer",
                        Instant.parse("2004-06-13T15:57:11Z")),
                Consent.marketing(ChannelType.SMS, Consent.State.NOT_SUBSCRIBED, "shopify:customer",
                        Instant.parse("2024-04-02T14:20:49Z")));
        assertThat(customer.updatedAt()).as("no timestamp in the body: X-Shopify-Triggered-At")
                .isEqualTo(Instant.parse(TRIGGERED_AT));
    }

    @ParameterizedTest
    @CsvSource({"subscribed, SUBSCRIBED", "not_subscribed, NOT_SUBSCRIBED", "unsubscribed, UNSUBSCRIBED",
            "pending, PENDING", "redacted, REDACTED", "SUBSCRIBED, SUBSCRIBED", "invalid, UNKNOWN",
            "something_new, UNKNOWN"})
    void shopifyConsentStatesMapOntoCanonicalOnes(String shopifyState, Consent.State expected) {
        JsonObject body = edit(resource("shopify/customers-email-marketing-consent-update.json"), b -> b.add(
                "email_marketing_consent", Json.createObjectBuilder().add("state", shopifyState)));

        ConsentChanged change = (ConsentChanged) single(adapter.receive(
                delivery("customers_email_marketing_consent/update", body))).payload();

        assertThat(change.consent().state()).isEqualTo(expected);
    }

    @Test
    void theEmailConsentTopicMapsOntoConsentChanged() {
        WebhookOutcome outcome = adapter.receive(delivery("customers_email_marketing_consent/update",
                resource("shopify/customers-email-marketing-consent-update.json")));

        ConsentChanged change = (ConsentChanged) single(outcome).payload();
        assertThat(change.customer()).isEqualTo(CustomerId.of("706405506930370084"));
        assertThat(change.address()).isEqualTo("bob@biller.com");
        assertThat(change.consent()).isEqualTo(
                Consent.marketing(ChannelType.EMAIL, Consent.State.NOT_SUBSCRIBED, "shopify:customer", null));
    }

    @Test
    void theSmsConsentTopicMapsOntoConsentChangedWithANullStateAsUnknown() {
        WebhookOutcome outcome = adapter.receive(delivery("customers_marketing_consent/update",
                resource("shopify/customers-marketing-consent-update.json")));

        ConsentChanged change = (ConsentChanged) single(outcome).payload();
        assertThat(change.customer()).isEqualTo(CustomerId.of("706405506930370084"));
        assertThat(change.address()).isNull();
        assertThat(change.consent().channel()).isEqualTo(ChannelType.SMS);
        assertThat(change.consent().state()).isEqualTo(Consent.State.UNKNOWN);
    }

    // ---- app and GDPR

    @Test
    void appUninstalledTakesTheDomainFromTheHeader() {
        WebhookOutcome outcome = adapter.receive(delivery("app/uninstalled",
                resource("shopify/app-uninstalled.json")));

        assertThat(single(outcome).payload()).isEqualTo(new AppUninstalled(DOMAIN));
    }

    @Test
    void customersRedactMapsOntoACustomerErasure() {
        WebhookOutcome outcome = adapter.receive(delivery("customers/redact",
                resource("shopify/customers-redact.json")));

        assertThat(single(outcome).payload()).isEqualTo(new DataErasureRequested(
                DataErasureRequested.Scope.CUSTOMER, CustomerId.of("191167"), "john@example.com", "555-625-1199",
                List.of(OrderId.of("299938"), OrderId.of("280263"), OrderId.of("220458"))));
    }

    @Test
    void shopRedactMapsOntoAShopErasure() {
        WebhookOutcome outcome = adapter.receive(delivery("shop/redact", resource("shopify/shop-redact.json")));

        assertThat(single(outcome).payload()).isEqualTo(new DataErasureRequested(
                DataErasureRequested.Scope.SHOP, null, null, null, List.of()));
    }

    /** App review checks that the three mandatory compliance webhooks answer 401 to a bad HMAC (knowledge 2.4). */
    @ParameterizedTest
    @CsvSource({"customers/data_request, shopify/customers-data-request.json",
            "customers/redact, shopify/customers-redact.json", "shop/redact, shopify/shop-redact.json"})
    void complianceWebhooksSignedWithAnotherKeyAreUnauthenticated(String topic, String sample) {
        byte[] body = resource(sample);
        Headers forged = with(with(signedHeaders(body), "X-Shopify-Topic", topic),
                "X-Shopify-Hmac-Sha256", hmac("shpss_someone_else", body));

        assertThat(adapter.receive(request(forged, body))).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.problem()).isEqualTo(Problem.UNAUTHENTICATED));
        assertThat(adapter.receive(delivery(topic, body))).isNotInstanceOf(Rejected.class);
    }

    // ---- malformed bodies

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "checkouts/update | token        | checkouts/update body: token is missing",
            "orders/create    | id           | orders/create body: id is missing",
            "customers/update | id           | customers/update body: id is missing",
            "checkouts/update | currency     | checkouts/update body: currency is missing, so amounts have no currency"})
    void aBodyWithoutARequiredFieldIsMalformedNamingIt(String topic, String field, String reason) {
        byte[] sample = topic.startsWith("checkouts") ? validBody()
                : topic.startsWith("orders") ? resource("shopify/orders-create.json")
                : resource("shopify/customers-create.json");
        JsonObject body = edit(sample, b -> b.remove(field));

        assertThat(adapter.receive(delivery(topic, body))).isEqualTo(new Rejected(Problem.MALFORMED, reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "updated_at  | yesterday  | updated_at is not an ISO-8601 timestamp with offset: 'yesterday'",
            "updated_at  | 2022-01-01T00:00:00 | updated_at is not an ISO-8601 timestamp with offset",
            "total_price | 42,00      | total_price is not a decimal amount: '42,00'",
            "currency    | DOLLARS    | currency is not an ISO 4217 code: 'DOLLARS'",
            "token       | true       | token is not an id"})
    void aBodyWithAnUnreadableFieldIsMalformedNamingIt(String field, String value, String reason) {
        JsonObject body = edit(validBody(), b -> b.add(field,
                "true".equals(value) ? JsonValue.TRUE : Json.createValue(value)));

        assertThat(adapter.receive(delivery("checkouts/update", body))).isInstanceOfSatisfying(Rejected.class,
                rejected -> {
                    assertThat(rejected.problem()).isEqualTo(Problem.MALFORMED);
                    assertThat(rejected.reason()).contains(reason);
                });
    }

    @Test
    void aBadLinePriceIsMalformedNamingTheLine() {
        JsonObject body = edit(validBody(), b -> b.add("line_items", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("title", "ok").add("quantity", 1).add("price", "1.00"))
                .add(Json.createObjectBuilder().add("title", "bad").add("quantity", 1).add("price", "free"))));

        assertThat(adapter.receive(delivery("checkouts/update", body))).isEqualTo(new Rejected(Problem.MALFORMED,
                "checkouts/update body: line_items[1].price is not a decimal amount: 'free'"));
    }

    @Test
    void aJsonArrayBodyIsMalformed() {
        byte[] body = "[{\"token\":\"1\"}]".getBytes(StandardCharsets.UTF_8);

        assertThat(adapter.receive(delivery("checkouts/update", body)))
                .isEqualTo(new Rejected(Problem.MALFORMED, "checkouts/update body: is not a JSON object"));
    }

    // ---- envelope: time and dedup

    @Test
    void theDedupKeyIsDerivedWithoutAnEventIdAndEqualAcrossRetries() {
        byte[] body = validBody();
        Headers firstDelivery = without(signedHeaders(body), Set.of("X-Shopify-Event-Id"));
        Headers retry = with(firstDelivery, "X-Shopify-Webhook-Id", "another-delivery-id");

        List<String> first = dedupKeys(adapter.receive(request(firstDelivery, body)));
        List<String> second = dedupKeys(adapter.receive(request(retry, body)));

        assertThat(first).containsExactly("checkouts/update:123123123:2022-01-01T00:00:00Z");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void withoutATimestampTheDedupKeyIsTheWebhookIdAndOtherwiseAHashOfTheBody() {
        byte[] body = resource("shopify/customers-redact.json");
        Headers withWebhookId = Headers.of(
                "X-Shopify-Topic", "customers/redact",
                "X-Shopify-Hmac-Sha256", hmac(CURRENT_SECRET, body),
                "X-Shopify-Webhook-Id", WEBHOOK_ID);
        Headers bare = without(withWebhookId, Set.of("X-Shopify-Webhook-Id"));

        assertThat(dedupKeys(adapter.receive(request(withWebhookId, body)))).containsExactly("customers/redact:delivery:" + WEBHOOK_ID);
        List<String> hashed = dedupKeys(adapter.receive(request(bare, body)));
        assertThat(hashed).singleElement().asString().matches("customers/redact:sha256:[0-9a-f]{64}");
        assertThat(dedupKeys(adapter.receive(request(bare, body)))).isEqualTo(hashed);
    }

    @Test
    void occurredAtFallsBackToTheTriggeredAtHeaderThenToReceivedAt() {
        byte[] body = resource("shopify/customers-redact.json");
        Headers headers = Headers.of(
                "X-Shopify-Topic", "customers/redact",
                "X-Shopify-Hmac-Sha256", hmac(CURRENT_SECRET, body),
                "X-Shopify-Triggered-At", TRIGGERED_AT);

        assertThat(single(adapter.receive(request(headers, body))).occurredAt())
                .isEqualTo(Instant.parse(TRIGGERED_AT));
        Headers unreadable = with(headers, "X-Shopify-Triggered-At", "soon");
        assertThat(single(adapter.receive(request(unreadable, body))).occurredAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void itIsThePluginNamedShopifyAndTakesJson() {
        assertThat(adapter.id()).isEqualTo("shopify");
        assertThat(adapter.acceptsMediaType("application/json")).isTrue();
        assertThat(adapter.acceptsMediaType("application/x-www-form-urlencoded")).isFalse();
    }

    // ---- helpers

    private WebhookRequest delivery(String topic, byte[] body) {
        return request(with(signedHeaders(body), "X-Shopify-Topic", topic), body);
    }

    private WebhookRequest delivery(String topic, JsonObject body) {
        return delivery(topic, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static EventEnvelope single(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        List<EventEnvelope> events = ((Accepted) outcome).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ShopifyAdapterTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject read(byte[] json) {
        try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }

    private static byte[] unwrap(byte[] json, String member) {
        return read(json).getJsonObject(member).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A sample with some members changed, as a signed body would carry it. */
    private static JsonObject edit(byte[] json, java.util.function.UnaryOperator<jakarta.json.JsonObjectBuilder> change) {
        return change.apply(Json.createObjectBuilder(read(json))).build();
    }

    private static JsonObject shopifyVector() {
        List<JsonObject> vectors = new ArrayList<>();
        read(resource("fixtures/webhook-signatures.json")).getJsonArray("vectors").forEach(v -> {
            if ("shopify".equals(v.asJsonObject().getString("platform"))) {
                vectors.add(v.asJsonObject());
            }
        });
        assertThat(vectors).hasSize(1);
        return vectors.get(0);
    }
}
