package dev.beckon.adapters.saleor;

import dev.beckon.api.testing.MutableClock;
import com.nimbusds.jose.jwk.RSAKey;
import dev.beckon.adapters.PlatformAdapterContract;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform contract with Saleor's JWS signatures (RS256, detached unencoded payload, keys from the instance's
 * JWKS), plus the 9.4 samples, the origin rules, key rotation and the header variants.
 */
class SaleorAdapterTest extends PlatformAdapterContract {

    static final String ORIGIN = "https://demo.saleor.cloud";
    static final String API_URL = ORIGIN + "/graphql/";
    private static final ShopContext SHOP = new ShopContext(ShopId.of("shop-saleor"), "demo.saleor.cloud",
            List.of("legacy-secret-unused-by-jws"));
    private static final Map<String, RSAKey> PUBLISHED = Map.of(
            SaleorSigning.CURRENT.getKeyID(), SaleorSigning.CURRENT,
            SaleorSigning.PREVIOUS.getKeyID(), SaleorSigning.PREVIOUS);

    private final FakeJwksSource jwks = new FakeJwksSource()
            .serve(ORIGIN, SaleorSigning.jwks(SaleorSigning.CURRENT, SaleorSigning.PREVIOUS));
    private final MutableClock clock = new MutableClock(RECEIVED_AT);
    private final SaleorAdapter adapter = new SaleorAdapter(jwks, clock);

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
        return resource("/saleor/order-created.json");
    }

    @Override
    protected Class<? extends EventPayload> expectedPayloadType() {
        return OrderPlaced.class;
    }

    /** Saleor signs with its private key; the published key ids are what a delivery may be signed with. */
    @Override
    protected List<String> signingCredentials() {
        return List.of(SaleorSigning.CURRENT.getKeyID(), SaleorSigning.PREVIOUS.getKeyID());
    }

    /** Signed with the published key of that id; any other credential signs with an unpublished key. */
    @Override
    protected Headers signedHeaders(byte[] body, String credential) {
        return headers("order_created", SaleorSigning.sign(body,
                PUBLISHED.getOrDefault(credential, SaleorSigning.ROGUE), API_URL));
    }

    @Override
    protected Set<String> signatureHeaderNames() {
        return Set.of("Saleor-Signature", "X-Saleor-Signature");
    }

    // ---- Saleor's samples (knowledge file 9.4)

    @Test
    void theOrderCreatedSampleIsAnOrderPlacedKeyedByEventAndOrderId() {
        EventEnvelope event = single(receive(validRequest()));

        OrderPlaced order = (OrderPlaced) event.payload();
        assertThat(order.order()).isEqualTo(OrderId.of("T3JkZXI6MGI2YzNmMmEtNWQxZS00YzdiLTlhOGYtMmU0ZDZjOGIxYTNm"));
        assertThat(order.name()).isEmpty();
        assertThat(order.shopper().customer()).isNull();
        assertThat(order.lines()).isEmpty();
        assertThat(order.total()).isNull();
        assertThat(order.placedAt()).isEqualTo(RECEIVED_AT);
        assertThat(event.sourceTopic()).isEqualTo("order_created");
        assertThat(event.dedupKey())
                .as("without issuedAt, the body's hash stands in")
                .startsWith("order_created:T3JkZXI6MGI2YzNmMmEtNWQxZS00YzdiLTlhOGYtMmU0ZDZjOGIxYTNm:sha256:");
        assertThat(jwks.fetches()).containsExactly(URI.create(ORIGIN));
    }

    @Test
    void theCheckoutUpdatedSampleCarriesShopperTotalAndIssuedAtInItsDedupKey() {
        byte[] body = resource("/saleor/checkout-updated.json");

        EventEnvelope event = single(receive(request(headers("checkout_updated",
                SaleorSigning.sign(body, SaleorSigning.CURRENT, API_URL)), body)));

        CheckoutUpdated checkout = (CheckoutUpdated) event.payload();
        String id = "Q2hlY2tvdXQ6N2YzZTliMmMtMWE0ZC00ZTZmLThiMGMtNWQyYTllN2YzYzFi";
        assertThat(checkout.checkout()).isEqualTo(CheckoutId.of(id));
        assertThat(checkout.cartToken()).isEqualTo("7f3e9b2c-1a4d-4e6f-8b0c-5d2a9e7f3c1b");
        assertThat(checkout.shopper().customer()).isEqualTo(CustomerId.of("VXNlcjo0Mg=="));
        assertThat(checkout.shopper().email()).isEqualTo("ada@example.com");
        assertThat(checkout.total()).isEqualTo(Money.of("59.9", "EUR"));
        assertThat(checkout.lines()).as("the query selects no unit price, so the engine fetches lines").isEmpty();
        assertThat(checkout.updatedAt()).isEqualTo(Instant.parse("2026-03-01T11:58:29.998421Z"));
        assertThat(checkout.completedAt()).isNull();
        assertThat(event.occurredAt()).isEqualTo(checkout.updatedAt());
        assertThat(event.dedupKey()).isEqualTo("checkout_updated:" + id + ":2026-03-01T11:58:30.412915Z");
    }

    @Test
    void linesWithUnitPricesAndACustomerAreMapped() {
        EventEnvelope order = single(receiveSigned("order_created", """
                {"issuedAt": "2026-03-01T12:00:00+00:00", "order": {"id": "T3JkZXI6MQ==", "number": "1042",
                 "userEmail": "ada@example.com", "created": "2026-03-01T11:59:58+00:00", "checkoutId": "Q2hlY2tvdXQ6MQ==",
                 "user": {"id": "VXNlcjo0Mg==", "firstName": "Ada", "lastName": "Lovelace"},
                 "total": {"gross": {"amount": 19.99, "currency": "EUR"}},
                 "lines": [{"quantity": 1, "productName": "Black tee", "productSku": "TEE-S-BLK",
                            "variant": {"id": "UHJvZHVjdFZhcmlhbnQ6MzEx", "product": {"id": "UHJvZHVjdDo3Mg=="}},
                            "unitPrice": {"gross": {"amount": 19.99, "currency": "EUR"}}}]}}"""));
        OrderPlaced placed = (OrderPlaced) order.payload();
        assertThat(placed.name()).isEqualTo("#1042");
        assertThat(placed.checkout()).isEqualTo(CheckoutId.of("Q2hlY2tvdXQ6MQ=="));
        assertThat(placed.shopper().firstName()).isEqualTo("Ada");
        assertThat(placed.shopper().email()).isEqualTo("ada@example.com");
        assertThat(placed.lines()).singleElement().satisfies(line -> {
            assertThat(line.product()).isEqualTo(ProductId.of("UHJvZHVjdDo3Mg=="));
            assertThat(line.variantId()).isEqualTo("UHJvZHVjdFZhcmlhbnQ6MzEx");
            assertThat(line.sku()).isEqualTo("TEE-S-BLK");
            assertThat(line.title()).isEqualTo("Black tee");
            assertThat(line.unitPrice()).isEqualTo(Money.of("19.99", "EUR"));
        });
        assertThat(placed.placedAt()).isEqualTo(Instant.parse("2026-03-01T11:59:58Z"));
        assertThat(order.dedupKey()).isEqualTo("order_created:T3JkZXI6MQ==:2026-03-01T12:00:00Z");

        CustomerUpdated customer = (CustomerUpdated) single(receiveSigned("customer_created", """
                {"user": {"id": "VXNlcjo0Mg==", "email": "ada@example.com", "firstName": "Ada"}}""")).payload();
        assertThat(customer.shopper().customer()).isEqualTo(CustomerId.of("VXNlcjo0Mg=="));
        assertThat(customer.shopper().email()).isEqualTo("ada@example.com");
    }

    @Test
    void theDeprecatedHeaderSpellingsAreRead() {
        byte[] body = "{\"checkout\": {\"id\": \"Q2hlY2tvdXQ6MQ==\"}}".getBytes(StandardCharsets.UTF_8);
        Headers headers = Headers.of("X-Saleor-Event", "checkout_created", "X-Saleor-Domain", "demo.saleor.cloud",
                "X-Saleor-Signature", SaleorSigning.sign(body, SaleorSigning.CURRENT, API_URL));

        assertThat(single(receive(request(headers, body))).payload()).isInstanceOf(CheckoutUpdated.class);
    }

    @Test
    void anEventBeckonDoesNotMapIsIgnored() {
        assertThat(receiveSigned("product_updated", "{\"product\": {\"id\": \"UHJvZHVjdDo3Mg==\"}}"))
                .isEqualTo(WebhookOutcome.ignored("event product_updated is not used by Beckon"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                                  | order_created body: order is missing",
        "{\"order\": {}}                                     | order_created body: order.id is missing",
        "{\"order\": {\"id\": \"x\", \"total\": {\"gross\": {\"amount\": 1, \"currency\": \"EURO\"}}}} | order_created body: order.total.gross.currency is not an ISO 4217 code: 'EURO'",
        "{\"issuedAt\": \"yesterday\", \"order\": {\"id\": \"x\"}} | body: issuedAt is not an ISO-8601 timestamp with offset: 'yesterday'",
    })
    void aSignedBodyWithoutWhatTheEventNeedsIsMalformedNamingTheField(String body, String reason) {
        assertThat(receiveSigned("order_created", body)).isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, reason));
    }

    @Test
    void aLegacyArrayPayloadOrAMissingEventHeaderIsMalformed() {
        assertThat(receiveSigned("order_created", "[{\"id\": \"x\"}]"))
                .isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, "body: is not a JSON object"));

        byte[] body = validBody();
        Headers noEvent = without(signedHeaders(body), Set.of("Saleor-Event"));
        assertThat(receive(request(noEvent, body)))
                .isEqualTo(WebhookOutcome.rejected(Problem.MALFORMED, "missing Saleor-Event header"));
    }

    // ---- origins: keys only ever come from the registered domain

    @Test
    void anApiUrlOnAnotherHostIsRejectedAndNoKeysAreFetchedFromIt() {
        jwks.serve("https://evil.com", SaleorSigning.jwks(SaleorSigning.ROGUE));
        byte[] body = validBody();
        Headers headers = with(headers("order_created", SaleorSigning.sign(body, SaleorSigning.ROGUE,
                "https://evil.com/graphql/")), "Saleor-Api-Url", "https://evil.com/graphql/");

        WebhookOutcome outcome = receive(request(headers, body));

        assertThat(outcome).isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                "Saleor-Api-Url 'https://evil.com/graphql/' is not on the shop's registered domain demo.saleor.cloud"));
        assertThat(jwks.fetches()).isEmpty();
    }

    @Test
    void anIssuerOnAnotherHostIsRejected() {
        byte[] body = validBody();
        Headers headers = headers("order_created", SaleorSigning.sign(body, SaleorSigning.CURRENT,
                "http://demo.saleor.cloud:8000/graphql/"));

        assertUnauthenticated(receive(request(headers, body)));
    }

    @Test
    void theApiUrlMayDifferInCaseAndDefaultPortOnly() {
        byte[] body = validBody();
        Headers headers = with(signedHeaders(body), "Saleor-Api-Url", "HTTPS://Demo.Saleor.Cloud:443/graphql/");

        assertThat(receive(request(headers, body))).isInstanceOf(Accepted.class);
    }

    // ---- keys

    @Test
    void aRotatedKeyIsFetchedOnceAndThenCached() {
        RSAKey next = SaleorSigning.PREVIOUS;
        FakeJwksSource rotating = new FakeJwksSource().serve(ORIGIN, SaleorSigning.jwks(SaleorSigning.CURRENT));
        SaleorAdapter rotatingAdapter = new SaleorAdapter(rotating, clock);
        byte[] body = validBody();
        assertThat(rotatingAdapter.receive(request(headers("order_created",
                SaleorSigning.sign(body, SaleorSigning.CURRENT, API_URL)), body))).isInstanceOf(Accepted.class);

        rotating.serve(ORIGIN, SaleorSigning.jwks(SaleorSigning.CURRENT, next));
        clock.advance(CachingJwks.MIN_REFETCH_INTERVAL);
        Headers signedWithNext = headers("order_created", SaleorSigning.sign(body, next, API_URL));
        assertThat(rotatingAdapter.receive(request(signedWithNext, body))).isInstanceOf(Accepted.class);
        assertThat(rotatingAdapter.receive(request(signedWithNext, body))).isInstanceOf(Accepted.class);

        assertThat(rotating.fetches()).hasSize(2);
    }

    @Test
    void anUnpublishedKidOrUnreachableKeysAreUnauthenticated() {
        byte[] body = validBody();
        RSAKey stranger = new RSAKey.Builder(SaleorSigning.ROGUE).keyID("never-published").build();
        assertThat(receive(request(headers("order_created", SaleorSigning.sign(body, stranger, API_URL)), body)))
                .isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                        "Saleor-Signature names kid 'never-published', which demo.saleor.cloud does not publish"));

        SaleorAdapter offline = new SaleorAdapter(new FakeJwksSource(), clock);
        assertThat(offline.receive(validRequest())).isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                "the Saleor signing keys could not be fetched"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "alg HS256        | {\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"saleor-key-2026\"} | Saleor-Signature has alg HS256, only RS256 is accepted",
        "alg none         | {\"alg\":\"none\",\"kid\":\"saleor-key-2026\"}                             | Saleor-Signature has a header that is not a JWS header",
        "encoded payload  | {\"alg\":\"RS256\",\"kid\":\"saleor-key-2026\"}                            | Saleor-Signature has no \"b64\": false in its header, so it does not sign the raw body",
        "no kid           | {\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"]}                       | Saleor-Signature has no kid in its header",
    })
    void aJwsOfAnotherShapeIsRejected(String name, String header, String reason) {
        byte[] body = validBody();
        String genuine = SaleorSigning.sign(body, SaleorSigning.CURRENT, API_URL);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + genuine.substring(genuine.indexOf('.'));

        assertThat(receive(request(headers("order_created", forged), body)))
                .isEqualTo(WebhookOutcome.rejected(Problem.UNAUTHENTICATED, reason));
    }

    @Test
    void theAdapterIdAndMediaType() {
        assertThat(adapter.id()).isEqualTo("saleor");
        assertThat(adapter.acceptsMediaType("application/json")).isTrue();
    }

    // ---- helpers

    static Headers headers(String event, String signature) {
        return Headers.of("Saleor-Event", event, "Saleor-Domain", "demo.saleor.cloud", "Saleor-Api-Url", API_URL,
                "Saleor-Schema-Version", "3.20", "Saleor-Signature", signature, "Content-Type", "application/json");
    }

    private WebhookOutcome receiveSigned(String event, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return receive(request(headers(event, SaleorSigning.sign(body, SaleorSigning.CURRENT, API_URL)), body));
    }

    private static EventEnvelope single(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        List<EventEnvelope> events = ((Accepted) outcome).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static byte[] resource(String name) {
        try (InputStream in = SaleorAdapterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
