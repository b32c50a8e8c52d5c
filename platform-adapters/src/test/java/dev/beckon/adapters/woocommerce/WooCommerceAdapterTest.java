package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.PlatformAdapterContract;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Accepted;
import dev.beckon.api.platform.WebhookOutcome.Ignored;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform contract plus WooCommerce's vectors, ping, entity-decoded secrets, status mapping and dedup. */
class WooCommerceAdapterTest extends PlatformAdapterContract {

    /** As WooCommerce stores it, with entities; it signs with the decoded form. */
    private static final String CURRENT_SECRET = "Tk&amp;9&#039;x&lt;Q7&quot;z";
    private static final String PREVIOUS_SECRET = "my-woo-secret";
    /** The decoded secrets, written out by hand so the test does not reuse the adapter's decoder. */
    private static final Map<String, String> DECODED = Map.of(CURRENT_SECRET, "Tk&9'x<Q7\"z");
    private static final ShopContext SHOP = new ShopContext(ShopId.of("shop-woo"), "personalizery.com",
            List.of(CURRENT_SECRET, PREVIOUS_SECRET));
    private static final Money USD_3 = Money.of("3.00", "USD");

    private final WooCommerceAdapter adapter = new WooCommerceAdapter();

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
        return resource("/woocommerce/order-created.json");
    }

    @Override
    protected Class<? extends EventPayload> expectedPayloadType() {
        return OrderPlaced.class;
    }

    @Override
    protected Headers signedHeaders(byte[] body, String secret) {
        return headers("order.created", signature(body, DECODED.getOrDefault(secret, secret)));
    }

    @Override
    protected Set<String> signatureHeaderNames() {
        return Set.of("X-WC-Webhook-Signature");
    }

    // ---- published vectors (knowledge file 8.6)

    @Test
    void theRealisticVectorIsAcceptedAndMapsItsOrder() {
        ShopContext shop = new ShopContext(ShopId.of("shop-vector"), "woo.example.com", List.of("my-woo-secret"));
        byte[] body = "{\"id\":727,\"status\":\"processing\"}".getBytes(StandardCharsets.UTF_8);
        Headers headers = headers("order.updated", "NkU7KOd+BePzOCUait4B7C7BiB5yAk39NIrqbSpyHsA=");

        WebhookOutcome outcome = adapter.receive(new WebhookRequest(shop, headers, body, RECEIVED_AT));

        OrderPlaced order = (OrderPlaced) single(outcome).payload();
        assertThat(order.order()).isEqualTo(OrderId.of("727"));
        assertThat(order.lines()).isEmpty();
        assertThat(order.total()).isNull();
        assertThat(order.placedAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void theRealisticVectorFailsForAFlippedByte() {
        ShopContext shop = new ShopContext(ShopId.of("shop-vector"), "woo.example.com", List.of("my-woo-secret"));
        byte[] body = "{\"id\":728,\"status\":\"processing\"}".getBytes(StandardCharsets.UTF_8);
        Headers headers = headers("order.updated", "NkU7KOd+BePzOCUait4B7C7BiB5yAk39NIrqbSpyHsA=");

        assertUnauthenticated(adapter.receive(new WebhookRequest(shop, headers, body, RECEIVED_AT)));
    }

    @Test
    void theEmptySecretVectorFromWooCommercesOwnTestsIsComputedExactly() {
        byte[] mac = WooSignature.mac("", "secret".getBytes(StandardCharsets.UTF_8));

        assertThat(Base64.getEncoder().encodeToString(mac)).isEqualTo("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");
    }

    @Test
    void butAShopWithAnEmptySecretAuthenticatesNoOne() {
        ShopContext shop = new ShopContext(ShopId.of("shop-empty"), "woo.example.com", List.of(""));
        byte[] body = "secret".getBytes(StandardCharsets.UTF_8);
        Headers headers = headers("order.created", "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");

        WebhookOutcome outcome = adapter.receive(new WebhookRequest(shop, headers, body, RECEIVED_AT));

        assertThat(outcome).isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                "the shop has no webhook secret; a webhook without one authenticates no one"));
    }

    // ---- entity-decoded secrets

    @Test
    void theStoredSecretIsDecodedBeforeKeying() {
        byte[] body = validBody();
        Headers signedWithDecoded = headers("order.created", signature(body, "Tk&9'x<Q7\"z"));
        Headers signedWithStoredText = headers("order.created", signature(body, CURRENT_SECRET));

        assertThat(receive(request(signedWithDecoded, body))).isInstanceOf(Accepted.class);
        assertUnauthenticated(receive(request(signedWithStoredText, body)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain-secret_123      | plain-secret_123",
        "a&amp;b               | a&b",
        "&lt;&gt;&quot;&#039;  | <>\"'",
        "&#38;&#038;&#0038;    | &&&",
        "&#x26;&#X26;&#x0026;  | &&&",
        "&#39;&#x27;&#X0027;   | '''",
        "&#34;&#034;&#x22;     | \"\"\"",
        "&#60;&#060;&#62;&#062; | <<>>",
        "&amp;lt;              | &lt;",
        "&amp;amp;             | &amp;",
        "&#65;&#x3c;&nbsp;&apos; | &#65;&#x3c;&nbsp;&apos;",
        "&amp                  | &amp",
        "&QUOT;&Amp;           | &QUOT;&Amp;",
    })
    void secretsAreDecodedExactlyAsWordPressDoes(String stored, String decoded) {
        assertThat(WordPressEntities.decodeSpecialchars(stored)).isEqualTo(decoded);
    }

    // ---- the creation ping

    @Test
    void theUnsignedFormEncodedPingIsAcknowledged() {
        byte[] body = "webhook_id=27".getBytes(StandardCharsets.US_ASCII);
        Headers headers = Headers.of("User-Agent", "WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)",
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(receive(request(headers, body)))
                .isEqualTo(WebhookOutcome.pinged("ping for WooCommerce webhook 27 acknowledged; nothing to do"));
        assertThat(adapter.acceptsMediaType("application/x-www-form-urlencoded")).isTrue();
        assertThat(adapter.acceptsMediaType("application/json")).isTrue();
        assertThat(adapter.acceptsMediaType("text/plain")).isFalse();
        assertThat(adapter.acceptsMediaType("")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook_id=27&x=1", "webhook_id=", "webhook_id=abc", "id=27", "{\"webhook_id\":27}",
        "webhook_id=123456789012345678901"})
    void anyOtherUnsignedBodyIsUnauthenticated(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Headers headers = Headers.of("Content-Type", "application/x-www-form-urlencoded");

        WebhookOutcome outcome = receive(request(headers, body));

        assertThat(outcome).isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                "missing X-WC-Webhook-Signature header"));
    }

    @Test
    void aSignedFormEncodedDeliveryIsMalformed() {
        byte[] body = "webhook_id=27&status=processing".getBytes(StandardCharsets.UTF_8);
        Headers headers = with(signedHeaders(body), "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");

        assertThat(receive(request(headers, body))).isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED,
                "a form-encoded delivery is only accepted as the unsigned webhook-creation ping"));
    }

    // ---- sample 9.2 and the status mapping

    @Test
    void theSampleOrderMapsIdsShopperLinesAndMoneyExactly() {
        EventEnvelope event = single(receive(validRequest()));
        OrderPlaced order = (OrderPlaced) event.payload();

        assertThat(order.order()).isEqualTo(OrderId.of("727"));
        assertThat(order.name()).isEqualTo("#727");
        assertThat(order.checkout()).as("a pending order of the same id was its checkout")
                .isEqualTo(CheckoutId.of("727"));
        assertThat(order.cartToken()).isNull();
        assertThat(order.shopper()).isEqualTo(new Shopper(null, "John", "Doe", "john.doe@example.com",
                "(555) 555-5555", List.of()));
        assertThat(order.lines()).containsExactly(
                new LineItem(ProductId.of("93"), null, null, "Woo Single #1", 2, USD_3));
        assertThat(order.lines().get(0).total()).isEqualTo(Money.of("6.00", "USD"));
        assertThat(order.total()).isEqualTo(Money.of("29.35", "USD"));
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:02Z"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        assertThat(event.sourceTopic()).isEqualTo("order.created");
        assertThat(event.dedupKey()).isEqualTo("order:727:2017-03-22T19:28:08Z:processing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "processing, OrderPlaced",
        "on-hold,    OrderPlaced",
        "completed,  OrderPlaced+OrderFulfilled",
        "pending,    CheckoutUpdated",
        "failed,     CheckoutUpdated",
    })
    void anOrderMapsByItsStatus(String status, String payloads) {
        WebhookOutcome outcome = receiveOrder(order(b -> b.add("status", status)), "order.updated");

        assertThat(((Accepted) outcome).events()).map(EventEnvelope::type)
                .containsExactly(payloads.split("\\+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancelled", "refunded", "checkout-draft", "trash", "wc-custom-status"})
    void otherStatusesAreIgnored(String status) {
        WebhookOutcome outcome = receiveOrder(order(b -> b.add("status", status)), "order.updated");

        assertThat(outcome).isEqualTo(WebhookOutcome.ignored("order status " + status + " is not used by Beckon"));
    }

    @Test
    void aPendingOrderIsACheckoutWithItsPaymentLinkForRecovery() {
        JsonObject pending = order(b -> b.add("status", "pending").add("customer_id", 12)
                .add("cart_hash", "c1f0a9d1b4e5")
                .add("payment_url", "https://personalizery.com/checkout/order-pay/727/?pay_for_order=true&key=wc_order_58d2d042d1d"));

        EventEnvelope event = single(receiveOrder(pending, "order.created"));
        CheckoutUpdated checkout = (CheckoutUpdated) event.payload();

        assertThat(checkout.checkout()).isEqualTo(CheckoutId.of("727"));
        assertThat(checkout.cartToken()).isEqualTo("c1f0a9d1b4e5");
        assertThat(checkout.shopper().customer()).isEqualTo(CustomerId.of("12"));
        assertThat(checkout.recoveryUrl()).isEqualTo(URI.create(
                "https://personalizery.com/checkout/order-pay/727/?pay_for_order=true&key=wc_order_58d2d042d1d"));
        assertThat(checkout.total()).isEqualTo(Money.of("29.35", "USD"));
        assertThat(checkout.updatedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        assertThat(checkout.completed()).isFalse();
        assertThat(event.dedupKey()).isEqualTo("order:727:2017-03-22T19:28:08Z:pending");
    }

    @Test
    void aPendingOrderCreatedInTheAdminIsNoShoppersCheckout() {
        WebhookOutcome outcome = receiveOrder(order(b -> b.add("status", "pending").add("created_via", "admin")),
                "order.created");

        assertThat(outcome).isInstanceOf(Ignored.class);
    }

    @Test
    void aCompletedOrderIsPlacedAndFulfilledUnderTwoKeys() {
        JsonObject completed = order(b -> b.add("status", "completed")
                .add("date_completed_gmt", "2017-03-23T08:00:00"));

        List<EventEnvelope> events = ((Accepted) receiveOrder(completed, "order.updated")).events();

        OrderFulfilled fulfilled = (OrderFulfilled) events.get(1).payload();
        assertThat(fulfilled.order()).isEqualTo(OrderId.of("727"));
        assertThat(fulfilled.fulfilledAt()).isEqualTo(Instant.parse("2017-03-23T08:00:00Z"));
        assertThat(fulfilled.partial()).isFalse();
        assertThat(fulfilled.trackingUrl()).isNull();
        assertThat(events).map(EventEnvelope::dedupKey).containsExactly(
                "order:727:2017-03-22T19:28:08Z:completed", "order:727:2017-03-22T19:28:08Z:completed:fulfilled");
    }

    // ---- dedup

    @Test
    void createdAndUpdatedFiredForTheSameCheckoutAreOneEvent() {
        byte[] body = validBody();
        WebhookOutcome created = receiveOrder(body, "order.created");
        WebhookOutcome updated = receiveOrder(body, "order.updated");

        assertThat(dedupKeys(updated)).isEqualTo(dedupKeys(created));
    }

    @Test
    void aNewModificationTimeOrStatusIsANewEvent() {
        List<String> first = dedupKeys(receiveOrder(order(b -> { }), "order.updated"));
        List<String> later = dedupKeys(receiveOrder(order(b -> b.add("date_modified_gmt", "2017-03-22T19:30:00")),
                "order.updated"));
        List<String> onHold = dedupKeys(receiveOrder(order(b -> b.add("status", "on-hold")), "order.updated"));

        assertThat(later).doesNotContainAnyElementsOf(first);
        assertThat(onHold).doesNotContainAnyElementsOf(first);
    }

    @Test
    void theDeliveryIdIsNotTheDedupKey() {
        byte[] body = validBody();
        Headers one = with(signedHeaders(body), "X-WC-Webhook-Delivery-ID", "039f3155b209b1c591c26f60004d889f");
        Headers other = with(signedHeaders(body), "X-WC-Webhook-Delivery-ID", "d41d8cd98f00b204e9800998ecf8427e");

        assertThat(dedupKeys(receive(request(one, body)))).isEqualTo(dedupKeys(receive(request(other, body))));
    }

    @Test
    void withoutAModificationTimeOnlyTheSameBodyIsADuplicate() {
        JsonObject undated = order(b -> b.addNull("date_modified_gmt"));
        String key = dedupKeys(receiveOrder(undated, "order.updated")).get(0);

        assertThat(key).startsWith("order:727:sha256:").endsWith(":processing");
    }

    // ---- customers and topics

    @Test
    void aCustomerMapsWithoutConsents() {
        byte[] body = resource("/woocommerce/customer-updated.json");

        EventEnvelope event = single(receiveOrder(body, "customer.updated"));
        CustomerUpdated customer = (CustomerUpdated) event.payload();

        assertThat(customer.shopper()).isEqualTo(new Shopper(CustomerId.of("25"), "John", "Doe",
                "john.doe@example.com", "(555) 555-5555", List.of()));
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2017-03-21T19:12:28Z"));
        assertThat(event.dedupKey()).isEqualTo("customer:25:2017-03-21T19:12:28Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.deleted", "product.updated", "coupon.created", "action.woocommerce_add_to_cart",
        "action.woocommerce_payment_complete"})
    void topicsBeckonDoesNotMapAreIgnored(String topic) {
        assertThat(receiveOrder(validBody(), topic))
                .isEqualTo(WebhookOutcome.ignored("topic " + topic + " is not used by Beckon"));
    }

    @Test
    void aMissingTopicIsMalformed() {
        byte[] body = validBody();
        Headers headers = without(signedHeaders(body), Set.of("X-WC-Webhook-Topic"));

        assertThat(receive(request(headers, body)))
                .isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, "missing X-WC-Webhook-Topic header"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "price    | \"three\" | order.created body: line_items[0].price is not a decimal amount: 'three'",
        "quantity | -1        | order.created body: line_items[0].quantity is negative",
        "price    | null      | order.created body: line_items[0].price is missing",
    })
    void aBadLineIsMalformedNamingTheField(String field, String value, String reason) {
        String text = new String(validBody(), StandardCharsets.UTF_8)
                .replace("\"" + field + "\": " + ("price".equals(field) ? "3" : "2"), "\"" + field + "\": " + value);

        WebhookOutcome outcome = receiveOrder(text.getBytes(StandardCharsets.UTF_8), "order.created");

        assertThat(outcome).isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\": \"processing\"}                              | order.created body: id is missing",
        "{\"id\": 727}                                             | order.created body: status is missing",
        "{\"id\": 727, \"status\": \"processing\", \"date_modified_gmt\": \"yesterday\"} | order.created body: date_modified_gmt is not an ISO-8601 date-time: 'yesterday'",
        "{\"id\": 7, \"status\": \"processing\", \"line_items\": [{\"quantity\": 1, \"price\": 1}]} | order.created body: currency is missing, so amounts have no currency",
    })
    void aBodyWithoutWhatTheTopicNeedsIsMalformed(String body, String reason) {
        assertThat(receiveOrder(body.getBytes(StandardCharsets.UTF_8), "order.created"))
                .isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, reason));
    }

    @Test
    void theAdapterId() {
        assertThat(adapter.id()).isEqualTo("woocommerce");
    }

    // ---- helpers

    private WebhookOutcome receiveOrder(JsonObject body, String topic) {
        return receiveOrder(body.toString().getBytes(StandardCharsets.UTF_8), topic);
    }

    private WebhookOutcome receiveOrder(byte[] body, String topic) {
        Headers headers = with(signedHeaders(body), "X-WC-Webhook-Topic", topic);
        return receive(request(headers, body));
    }

    /** The sample order with some members replaced. */
    private JsonObject order(java.util.function.Consumer<JsonObjectBuilder> changes) {
        JsonObjectBuilder builder = Json.createObjectBuilder(
                Json.createReader(new ByteArrayInputStream(validBody())).readObject());
        changes.accept(builder);
        return builder.build();
    }

    private static EventEnvelope single(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        List<EventEnvelope> events = ((Accepted) outcome).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** Delivery headers as a real store sent them (woocommerce/woocommerce#28329), with a given signature. */
    private static Headers headers(String topic, String signature) {
        String[] parts = topic.split("\\.", 2);
        return Headers.of(
                "User-Agent", "WooCommerce/4.7.0 Hookshot (WordPress/5.5.3)",
                "Content-Type", "application/json",
                "X-WC-Webhook-Source", "https://personalizery.com/",
                "X-WC-Webhook-Topic", topic,
                "X-WC-Webhook-Resource", parts[0],
                "X-WC-Webhook-Event", parts.length > 1 ? parts[1] : "",
                "X-WC-Webhook-Signature", signature,
                "X-WC-Webhook-ID", "27",
                "X-WC-Webhook-Delivery-ID", "039f3155b209b1c591c26f60004d889f");
    }

    /** base64(HMAC-SHA256(key, body)), written out independently of the adapter; an empty key is one zero byte. */
    private static String signature(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(keyBytes.length == 0 ? new byte[1] : keyBytes, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WooCommerceAdapterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
