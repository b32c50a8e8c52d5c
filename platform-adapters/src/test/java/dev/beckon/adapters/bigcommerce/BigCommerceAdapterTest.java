package dev.beckon.adapters.bigcommerce;

import dev.beckon.adapters.PlatformAdapterContract;
import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Accepted;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookOutcome.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform contract plus BigCommerce's samples (knowledge file 9.3), key derivation, dedup and freshness. */
class BigCommerceAdapterTest extends PlatformAdapterContract {

    private static final String CURRENT_SECRET = "a1b2c3d4e5f6g7h8i9j0clientsecret";
    private static final String PREVIOUS_SECRET = "previous0client0secret0zyxwvuts";
    private static final ShopContext SHOP = new ShopContext(ShopId.of("shop-bc"), "store-z4zn3wo.mybigcommerce.com",
            List.of(CURRENT_SECRET, PREVIOUS_SECRET));
    private static final String WEBHOOK_ID = "msg_bc_0f7e1d2c3b4a";
    private static final Shopper NOBODY = new Shopper(null, null, null, null, null, List.of());

    private final BigCommerceAdapter adapter = new BigCommerceAdapter(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC));

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
        return resource("/bigcommerce/order-created.json");
    }

    @Override
    protected Class<? extends EventPayload> expectedPayloadType() {
        return OrderPlaced.class;
    }

    /**
     * As BigCommerce's docs do it: {@code new Webhook(base64(clientSecret))} in a Standard Webhooks library, which
     * base64-decodes the secret back to its bytes and signs {@code id.timestamp.body}.
     */
    @Override
    protected Headers signedHeaders(byte[] body, String secret) {
        return signed(body, secret, WEBHOOK_ID, RECEIVED_AT.getEpochSecond());
    }

    @Override
    protected Set<String> signatureHeaderNames() {
        return Set.of("webhook-signature");
    }

    // ---- samples

    @Test
    void anOrderCreatedCarriesTheOrderIdOnly() {
        EventEnvelope event = single(receive(validRequest()));
        OrderPlaced order = (OrderPlaced) event.payload();

        assertThat(order.order()).isEqualTo(OrderId.of("250"));
        assertThat(order.name()).isEqualTo("#250");
        assertThat(order.shopper()).isEqualTo(NOBODY);
        assertThat(order.lines()).isEmpty();
        assertThat(order.total()).isNull();
        assertThat(order.checkout()).isNull();
        assertThat(order.placedAt()).isEqualTo(Instant.ofEpochSecond(1561479335L));
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1561479335L));
        assertThat(event.sourceTopic()).isEqualTo("store/order/created");
        assertThat(event.source()).isEqualTo("bigcommerce");
        assertThat(event.dedupKey()).isEqualTo("hash:dd70c0976e06b67aaf671e73f49dcb79230ebf9d");
    }

    @Test
    void aCartMapsToACheckoutWithTheExactCartId() {
        CheckoutUpdated checkout = (CheckoutUpdated) single(receiveBody(resource("/bigcommerce/cart-created.json")))
                .payload();

        assertThat(checkout.checkout()).isEqualTo(CheckoutId.of("09346904-4175-44fd-be53-f7e598531b6c"));
        assertThat(checkout.cartToken()).isEqualTo("09346904-4175-44fd-be53-f7e598531b6c");
        assertThat(checkout.shopper()).isEqualTo(NOBODY);
        assertThat(checkout.lines()).isEmpty();
        assertThat(checkout.total()).isNull();
        assertThat(checkout.recoveryUrl()).isNull();
        assertThat(checkout.updatedAt()).isEqualTo(Instant.ofEpochSecond(1561482670L));
        assertThat(checkout.completed()).isFalse();
    }

    @Test
    void theSameCartUpdatedAndConvertedMapToo() {
        String created = text("/bigcommerce/cart-created.json");

        CheckoutUpdated updated = (CheckoutUpdated) single(receiveBody(bytes(
                created.replace("store/cart/created", "store/cart/updated")))).payload();
        CheckoutUpdated converted = (CheckoutUpdated) single(receiveBody(bytes(
                created.replace("store/cart/created", "store/cart/converted")))).payload();

        assertThat(updated.checkout()).isEqualTo(CheckoutId.of("09346904-4175-44fd-be53-f7e598531b6c"));
        assertThat(updated.completed()).isFalse();
        assertThat(converted.completedAt()).isEqualTo(Instant.ofEpochSecond(1561482670L));
    }

    @ParameterizedTest
    @CsvSource({"store/customer/created", "store/customer/updated"})
    void aCustomerCarriesTheCustomerIdOnly(String scope) {
        String body = text("/bigcommerce/customer-created.json").replace("store/customer/created", scope);

        CustomerUpdated customer = (CustomerUpdated) single(receiveBody(bytes(body))).payload();

        assertThat(customer.shopper()).isEqualTo(new Shopper(CustomerId.of("32"), null, null, null, null, List.of()));
        assertThat(customer.updatedAt()).isEqualTo(Instant.ofEpochSecond(1561481571L));
    }

    @Test
    void anUninstallNamesTheRegisteredDomain() {
        String body = "{\"scope\": \"store/app/uninstalled\", \"store_id\": \"1025646\", \"data\": {\"type\": \"app\","
                + " \"id\": 1025646}, \"hash\": \"0a1b2c\", \"created_at\": 1561482670, \"producer\": \"stores/z4zn3wo\"}";

        EventPayload payload = single(receiveBody(bytes(body))).payload();

        assertThat(payload).isEqualTo(new AppUninstalled("store-z4zn3wo.mybigcommerce.com"));
    }

    @ParameterizedTest(name = "status {0}")
    @CsvSource({"2, false", "3, true", "10, false"})
    void shippedOrCompletedStatusesAreFulfilments(String status, boolean partial) {
        String body = text("/bigcommerce/order-status-updated.json")
                .replace("\"new_status_id\": 11", "\"new_status_id\": " + status);

        OrderFulfilled fulfilled = (OrderFulfilled) single(receiveBody(bytes(body))).payload();

        assertThat(fulfilled.order()).isEqualTo(OrderId.of("250"));
        assertThat(fulfilled.partial()).isEqualTo(partial);
        assertThat(fulfilled.fulfilledAt()).isEqualTo(Instant.ofEpochSecond(1561479335L));
    }

    @Test
    void otherStatusUpdatesAreIgnored() {
        WebhookOutcome outcome = receiveBody(resource("/bigcommerce/order-status-updated.json"));

        assertThat(outcome).isEqualTo(WebhookOutcome.ignored("this store/order/statusUpdated is not used by Beckon"));
    }

    @Test
    void scopesBeckonDoesNotMapAreIgnored() {
        String body = text("/bigcommerce/order-created.json").replace("store/order/created", "store/product/updated");

        assertThat(receiveBody(bytes(body)))
                .isEqualTo(WebhookOutcome.ignored("scope store/product/updated is not used by Beckon"));
    }

    // ---- dedup

    @Test
    void twoDeliveriesOfTheSameEventShareTheHashWhateverTheirWebhookIds() {
        byte[] body = validBody();
        WebhookOutcome first = receive(request(signed(body, CURRENT_SECRET, "msg_1", RECEIVED_AT.getEpochSecond()),
                body));
        WebhookOutcome second = receive(request(signed(body, CURRENT_SECRET, "msg_2", RECEIVED_AT.getEpochSecond()),
                body));

        assertThat(dedupKeys(second)).isEqualTo(dedupKeys(first))
                .containsExactly("hash:dd70c0976e06b67aaf671e73f49dcb79230ebf9d");
    }

    @Test
    void withoutAHashTheWebhookIdIsTheKey() {
        byte[] body = bytes(text("/bigcommerce/order-created.json")
                .replace("\"hash\": \"dd70c0976e06b67aaf671e73f49dcb79230ebf9d\", ", ""));

        assertThat(dedupKeys(receiveBody(body))).containsExactly("webhook-id:" + WEBHOOK_ID);
    }

    // ---- the key and the clock

    @Test
    void theKeyIsTheClientSecretsOwnBytesNotItsBase64Decoding() {
        byte[] body = validBody();
        // the client secret happens to be valid base64; a receiver treating it as a whsec_ secret would decode it
        Headers decodedKey = signedWithKey(body, Base64.getDecoder().decode(CURRENT_SECRET), WEBHOOK_ID,
                RECEIVED_AT.getEpochSecond());

        assertThat(receive(request(signedHeaders(body), body))).isInstanceOf(Accepted.class);
        assertUnauthenticated(receive(request(decodedKey, body)));
    }

    @Test
    void aDeliverySignedMoreThanFiveMinutesAgoIsStale() {
        byte[] body = validBody();

        WebhookOutcome outcome = receive(request(signed(body, CURRENT_SECRET, WEBHOOK_ID,
                RECEIVED_AT.getEpochSecond() - 301), body));

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.problem()).isEqualTo(Problem.STALE));
    }

    @Test
    void withoutCreatedAtTheWebhookTimestampIsTheTime() {
        byte[] body = bytes(text("/bigcommerce/order-created.json").replace("\"created_at\": 1561479335, ", ""));

        assertThat(single(receiveBody(body)).occurredAt()).isEqualTo(RECEIVED_AT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"data\": {\"id\": 1}}                                        | body: scope is missing",
        "{\"scope\": \"store/order/created\"}                            | body: data is missing",
        "{\"scope\": \"store/order/created\", \"data\": {\"type\": \"order\"}} | store/order/created body: data.id is missing",
        "{\"scope\": \"store/order/created\", \"data\": {\"id\": 1.5}}     | store/order/created body: data.id is not a whole-number id",
        "{\"scope\": \"store/order/created\", \"data\": {\"id\": 1}, \"created_at\": \"today\"} | body: created_at is not a Unix time in seconds",
        "{\"scope\": \"store/order/statusUpdated\", \"data\": {\"id\": 1}} | store/order/statusUpdated body: data.status is missing",
    })
    void aSignedBodyWithoutWhatTheScopeNeedsIsMalformedNamingTheField(String body, String reason) {
        assertThat(receiveBody(bytes(body))).isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, reason));
    }

    @Test
    void theSystemClockConstructorAcceptsADeliverySignedNow() {
        byte[] body = validBody();
        Headers headers = signed(body, CURRENT_SECRET, WEBHOOK_ID, Instant.now().getEpochSecond());

        assertThat(new BigCommerceAdapter().receive(request(headers, body))).isInstanceOf(Accepted.class);
        assertThat(adapter.id()).isEqualTo("bigcommerce");
    }

    // ---- helpers

    private WebhookOutcome receiveBody(byte[] body) {
        return receive(request(signedHeaders(body), body));
    }

    private static EventEnvelope single(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        List<EventEnvelope> events = ((Accepted) outcome).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The library's way: key = base64decode(base64(secret)), i.e. the secret's UTF-8 bytes. */
    private static Headers signed(byte[] body, String secret, String id, long timestamp) {
        String handedToLibrary = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        return signedWithKey(body, Base64.getDecoder().decode(handedToLibrary), id, timestamp);
    }

    private static Headers signedWithKey(byte[] body, byte[] key, String id, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Headers.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
                    "webhook-signature", "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)),
                    "Content-Type", "application/json");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = BigCommerceAdapterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
