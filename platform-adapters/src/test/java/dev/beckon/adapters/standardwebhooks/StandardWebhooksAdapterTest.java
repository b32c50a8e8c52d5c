package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.PlatformAdapterContract;
import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.ProductViewed;
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
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookOutcome.Rejected;
import dev.beckon.api.platform.WebhookRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform contract plus the envelope contract of STANDARD_WEBHOOKS.md, whose examples are run here. */
class StandardWebhooksAdapterTest extends PlatformAdapterContract {

    private static final String CURRENT_SECRET = "whsec_Y3VycmVudC1zZWNyZXQtMDEyMzQ1Njc4OWFi";
    private static final String PREVIOUS_SECRET = "whsec_cHJldmlvdXMtc2VjcmV0LWZlZGNiYTk4NzY1NA==";
    private static final ShopContext SHOP = new ShopContext(ShopId.of("shop-medusa"), "shop.example.com",
            List.of(CURRENT_SECRET, PREVIOUS_SECRET));
    private static final String WEBHOOK_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final Money EUR_12_50 = Money.of("12.50", "EUR");

    private final StandardWebhooksAdapter adapter =
            new StandardWebhooksAdapter(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC));

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
        return resource("/standard-webhooks/checkout-updated.json");
    }

    @Override
    protected Class<? extends EventPayload> expectedPayloadType() {
        return CheckoutUpdated.class;
    }

    /** Signed as a store plugin signs it, sent at {@link #RECEIVED_AT}. */
    @Override
    protected Headers signedHeaders(byte[] body, String secret) {
        return signed(body, secret, WEBHOOK_ID, RECEIVED_AT.getEpochSecond());
    }

    @Override
    protected Set<String> signatureHeaderNames() {
        return Set.of("webhook-signature");
    }

    // ---- the documented examples

    @TestFactory
    Stream<DynamicTest> everyExampleInTheStoreContractIsAccepted() {
        List<String> examples = documentedExamples();
        assertThat(examples).as("JSON examples in STANDARD_WEBHOOKS.md").hasSize(8);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.substring(0, 40), () -> {
            byte[] body = example.getBytes(StandardCharsets.UTF_8);
            assertThat(receive(request(signedHeaders(body), body))).isInstanceOf(Accepted.class);
        }));
    }

    @Test
    void theStandardWebhooksVectorPassesVerificationAtItsOwnTimestamp() {
        StandardWebhooksAdapter atVectorTime = new StandardWebhooksAdapter(
                Clock.fixed(Instant.ofEpochSecond(1614265330L), ZoneOffset.UTC));
        ShopContext shop = new ShopContext(ShopId.of("shop-vector"), "vector.example.com",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        Headers headers = Headers.of("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp",
                "1614265330", "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        WebhookOutcome outcome = atVectorTime.receive(new WebhookRequest(shop, headers, body, RECEIVED_AT));

        // genuine, so it gets past the signature; the vector's body is not Beckon's envelope
        assertThat(outcome).isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, "body: type is missing"));
    }

    // ---- mapping

    @Test
    void aCheckoutMapsEveryDocumentedField() {
        CheckoutUpdated checkout = (CheckoutUpdated) single(validRequest()).payload();

        assertThat(checkout.checkout()).isEqualTo(CheckoutId.of("cart_01HQ8Z6K3V9W2N4B7C5D1E0F2G"));
        assertThat(checkout.cartToken()).isNull();
        assertThat(checkout.shopper().customer()).isEqualTo(CustomerId.of("cus_01HQ8Z4Y2X1W0V9U8T7S6R5Q4P"));
        assertThat(checkout.shopper().firstName()).isEqualTo("Ada");
        assertThat(checkout.shopper().lastName()).isEqualTo("Lovelace");
        assertThat(checkout.shopper().email()).isEqualTo("ada@example.com");
        assertThat(checkout.shopper().phone()).isEqualTo("+4915112345678");
        assertThat(checkout.shopper().consents()).containsExactly(
                Consent.marketing(ChannelType.SMS, Consent.State.SUBSCRIBED, "medusa:checkout",
                        Instant.parse("2026-03-01T11:57:30Z")),
                Consent.marketing(ChannelType.EMAIL, Consent.State.NOT_SUBSCRIBED, "medusa:checkout", null));
        assertThat(checkout.shopper().marketingConsent(ChannelType.SMS)).get()
                .satisfies(c -> assertThat(c.allowsMarketing()).isTrue());
        assertThat(checkout.lines()).containsExactly(new LineItem(ProductId.of("prod_01HQ8Z"), "variant_01HQ8Z",
                "TEE-BLK-S", "Tee, black, S", 2, EUR_12_50));
        assertThat(checkout.total()).isEqualTo(Money.of("29.90", "EUR"));
        assertThat(checkout.total().amount().toPlainString()).isEqualTo("29.90");
        assertThat(checkout.recoveryUrl())
                .isEqualTo(URI.create("https://shop.example.com/checkout?cart_id=cart_01HQ8Z6K3V9W2N4B7C5D1E0F2G"));
        assertThat(checkout.updatedAt()).isEqualTo(Instant.parse("2026-03-01T11:58:00Z"));
        assertThat(checkout.completed()).isFalse();
    }

    @Test
    void theEnvelopeCarriesTheWebhookIdAsDedupKeyAndTheTypeAsTopic() {
        EventEnvelope event = single(validRequest());

        assertThat(event.dedupKey()).isEqualTo(WEBHOOK_ID);
        assertThat(event.sourceTopic()).isEqualTo("checkout.updated");
        assertThat(event.source()).isEqualTo("standard-webhooks");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T11:58:00Z"));
        assertThat(event.receivedAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void aRetryReusesTheIdSoItDedupesEvenWithAFreshTimestamp() {
        byte[] body = validBody();
        WebhookOutcome first = receive(request(signed(body, CURRENT_SECRET, WEBHOOK_ID,
                RECEIVED_AT.getEpochSecond() - 120), body));
        WebhookOutcome retry = receive(request(signed(body, CURRENT_SECRET, WEBHOOK_ID,
                RECEIVED_AT.getEpochSecond()), body));
        WebhookOutcome another = receive(request(signed(body, CURRENT_SECRET, "msg_another",
                RECEIVED_AT.getEpochSecond()), body));

        assertThat(dedupKeys(retry)).isEqualTo(dedupKeys(first));
        assertThat(dedupKeys(another)).containsExactly("msg_another");
    }

    @Test
    void anOrderWithLargeIdsKeepsThemExactly() {
        WebhookOutcome outcome = receiveEnvelope("""
                {"type": "order.placed", "data": {"order_id": 820982911946154508, "name": "#1042",
                 "checkout_id": "cart_1", "lines": [{"product_id": 788032119674292922, "quantity": 1,
                 "unit_price": {"amount": 19.99, "currency": "EUR"}}], "total": {"amount": "19.99", "currency": "EUR"},
                 "placed_at": "2026-03-01T13:01:10+01:00"}}""");

        OrderPlaced order = (OrderPlaced) single(outcome).payload();
        assertThat(order.order()).isEqualTo(OrderId.of("820982911946154508"));
        assertThat(order.checkout()).isEqualTo(CheckoutId.of("cart_1"));
        assertThat(order.lines().get(0).product()).isEqualTo(ProductId.of("788032119674292922"));
        assertThat(order.lines().get(0).unitPrice()).isEqualTo(Money.of("19.99", "EUR"));
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-03-01T12:01:10Z"));
        assertThat(order.shopper().customer()).isNull();
    }

    @Test
    void eachDocumentedTypeMapsToItsCanonicalPayload() {
        List<String> examples = documentedExamples();
        List<Class<?>> types = new ArrayList<>();
        for (String example : examples) {
            types.add(single(receiveEnvelope(example)).payload().getClass());
        }
        assertThat(types).containsExactly(CheckoutUpdated.class, OrderPlaced.class, OrderFulfilled.class,
                CustomerUpdated.class, ConsentChanged.class, DataErasureRequested.class, ProductViewed.class,
                AppUninstalled.class);
    }

    @Test
    void fulfilledConsentErasureAndUninstallCarryTheirFields() {
        OrderFulfilled fulfilled = (OrderFulfilled) single(receiveEnvelope("""
                {"type": "order.fulfilled", "data": {"order_id": "o1", "tracking_url": "https://t.example/1",
                 "partial": true, "fulfilled_at": "2026-03-02T09:15:00Z"}}""")).payload();
        assertThat(fulfilled.partial()).isTrue();
        assertThat(fulfilled.trackingUrl()).isEqualTo(URI.create("https://t.example/1"));

        ConsentChanged consent = (ConsentChanged) single(receiveEnvelope("""
                {"type": "consent.changed", "data": {"address": "+4915112345678",
                 "consent": {"channel": "whatsapp", "state": "unsubscribed"}}}""")).payload();
        assertThat(consent.customer()).isNull();
        assertThat(consent.consent()).isEqualTo(Consent.marketing(ChannelType.WHATSAPP, Consent.State.UNSUBSCRIBED,
                "standard-webhooks", null));

        DataErasureRequested shop = (DataErasureRequested) single(receiveEnvelope(
                "{\"type\": \"data_erasure.requested\", \"data\": {\"scope\": \"shop\"}}")).payload();
        assertThat(shop.scope()).isEqualTo(DataErasureRequested.Scope.SHOP);

        AppUninstalled uninstalled = (AppUninstalled) single(receiveEnvelope(
                "{\"type\": \"app.uninstalled\", \"data\": {}}")).payload();
        assertThat(uninstalled.shopDomain()).isEqualTo("shop.example.com");
    }

    @Test
    void withoutTimesInDataTheEnvelopeTimestampThenTheWebhookTimestampIsUsed() {
        EventEnvelope withEnvelopeTime = single(receiveEnvelope("""
                {"type": "checkout.updated", "timestamp": "2026-03-01T11:00:00Z", "data": {"checkout_id": "c1"}}"""));
        EventEnvelope withoutAny = single(receiveEnvelope(
                "{\"type\": \"checkout.updated\", \"data\": {\"checkout_id\": \"c1\"}}"));

        assertThat(withEnvelopeTime.occurredAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(((CheckoutUpdated) withEnvelopeTime.payload()).updatedAt())
                .isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(withoutAny.occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(((CheckoutUpdated) withoutAny.payload()).shopper().customer()).isNull();
    }

    @Test
    void anUnknownTypeIsIgnoredSoTheStoreDoesNotRetry() {
        assertThat(receiveEnvelope("{\"type\": \"cart.deleted\", \"data\": {\"id\": \"c1\"}}"))
                .isEqualTo(WebhookOutcome.ignored("type cart.deleted is not used by Beckon"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"data\": {}}                                                      | body: type is missing",
        "{\"type\": \"order.placed\"}                                          | body: data is missing",
        "{\"type\": \"order.placed\", \"data\": []}                             | body: data is not an object",
        "{\"type\": \"order.placed\", \"data\": {}}                             | order.placed body: data.order_id is missing",
        "{\"type\": \"checkout.updated\", \"data\": {\"checkout_id\": \"c\", \"lines\": [{\"quantity\": 1, \"unit_price\": {\"amount\": \"1.00\", \"currency\": \"EURO\"}}]}} | checkout.updated body: data.lines[0].unit_price.currency is not an ISO 4217 code: 'EURO'",
        "{\"type\": \"checkout.updated\", \"data\": {\"checkout_id\": \"c\", \"total\": {\"amount\": \"ten\", \"currency\": \"EUR\"}}} | checkout.updated body: data.total.amount is not a decimal amount: 'ten'",
        "{\"type\": \"checkout.updated\", \"data\": {\"checkout_id\": \"c\", \"lines\": [{\"quantity\": 1}]}} | checkout.updated body: data.lines[0].unit_price is missing",
        "{\"type\": \"customer.updated\", \"data\": {\"shopper\": {\"email\": \"a@b.c\"}}} | customer.updated body: data.shopper.customer_id is missing",
        "{\"type\": \"consent.changed\", \"data\": {\"consent\": {\"channel\": \"sms\", \"state\": \"subscribed\"}}} | consent.changed body: data.customer_id and data.address are both missing, so the consent is for no one",
        "{\"type\": \"consent.changed\", \"data\": {\"address\": \"x\", \"consent\": {\"channel\": \"fax\", \"state\": \"subscribed\"}}} | consent.changed body: data.consent.channel is 'fax', not one of sms, whatsapp, email, web_push, app",
        "{\"type\": \"consent.changed\", \"data\": {\"address\": \"x\", \"consent\": {\"channel\": \"sms\", \"state\": \"yes\"}}} | consent.changed body: data.consent.state is 'yes', not one of subscribed, not_subscribed, unsubscribed, pending, redacted, unknown",
        "{\"type\": \"data_erasure.requested\", \"data\": {\"scope\": \"customer\"}} | data_erasure.requested body: data.customer_id, data.email and data.phone are all missing, so there is no one to erase",
        "{\"type\": \"product.viewed\", \"data\": {\"product_id\": \"p\"}}         | product.viewed body: data.visitor_id is missing",
        "{\"type\": \"checkout.updated\", \"timestamp\": \"yesterday\", \"data\": {\"checkout_id\": \"c\"}} | body: timestamp is not an ISO-8601 timestamp with offset: 'yesterday'",
    })
    void aSignedBodyThatBreaksTheContractIsMalformedNamingTheField(String body, String reason) {
        WebhookOutcome outcome = receiveEnvelope(body);

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.problem()).isEqualTo(Problem.MALFORMED);
            assertThat(rejected.reason()).isEqualTo(reason);
        });
    }

    // ---- signatures and time

    @Test
    void aDeliverySignedMoreThanFiveMinutesAgoIsStale() {
        byte[] body = validBody();
        long sent = RECEIVED_AT.getEpochSecond() - 301;

        WebhookOutcome outcome = receive(request(signed(body, CURRENT_SECRET, WEBHOOK_ID, sent), body));

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.problem()).isEqualTo(Problem.STALE));
    }

    @Test
    void theSystemClockConstructorAcceptsADeliverySignedNow() {
        byte[] body = validBody();
        Headers headers = signed(body, CURRENT_SECRET, WEBHOOK_ID, Instant.now().getEpochSecond());

        assertThat(new StandardWebhooksAdapter().receive(request(headers, body))).isInstanceOf(Accepted.class);
    }

    @Test
    void aSecretThatIsNotWhsecBase64IsSkippedAndTheOthersStillWork() {
        ShopContext shop = new ShopContext(SHOP.shop(), SHOP.domain(), List.of("not base64 at all!", CURRENT_SECRET));
        byte[] body = validBody();

        WebhookOutcome outcome = adapter.receive(new WebhookRequest(shop, signedHeaders(body), body, RECEIVED_AT));

        assertThat(outcome).isInstanceOf(Accepted.class);
    }

    @Test
    void aShopWithoutAUsableSecretAuthenticatesNoOne() {
        ShopContext shop = new ShopContext(SHOP.shop(), SHOP.domain(), List.of("whsec_%%%"));
        byte[] body = validBody();

        WebhookOutcome outcome = adapter.receive(new WebhookRequest(shop, signedHeaders(body), body, RECEIVED_AT));

        assertUnauthenticated(outcome);
        assertThat(((Rejected) outcome).reason()).doesNotContain("%%%");
    }

    @Test
    void theAdapterIdAndMediaType() {
        assertThat(adapter.id()).isEqualTo("standard-webhooks");
        assertThat(adapter.acceptsMediaType("application/json")).isTrue();
        assertThat(adapter.acceptsMediaType("application/x-www-form-urlencoded")).isFalse();
    }

    // ---- helpers

    private WebhookOutcome receiveEnvelope(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return receive(request(signedHeaders(body), body));
    }

    private EventEnvelope single(WebhookRequest request) {
        return single(receive(request));
    }

    private static EventEnvelope single(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        List<EventEnvelope> events = ((Accepted) outcome).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** Standard Webhooks signing, written out independently of the adapter. */
    static Headers signed(byte[] body, String secret, String id, long timestamp) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        } catch (IllegalArgumentException notBase64) {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body));
            return Headers.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
                    "webhook-signature", "v1," + signature, "Content-Type", "application/json");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ```json blocks of STANDARD_WEBHOOKS.md, in order. */
    private static List<String> documentedExamples() {
        Path doc = Path.of("STANDARD_WEBHOOKS.md");
        if (!Files.exists(doc)) {
            doc = Path.of("platform-adapters", "STANDARD_WEBHOOKS.md");
        }
        try {
            Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
            List<String> examples = new ArrayList<>();
            while (blocks.find()) {
                examples.add(blocks.group(1));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = StandardWebhooksAdapterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
