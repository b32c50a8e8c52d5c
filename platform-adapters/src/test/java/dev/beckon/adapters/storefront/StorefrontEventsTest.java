package dev.beckon.adapters.storefront;

import dev.beckon.adapters.storefront.CollectException.Problem;
import dev.beckon.api.event.CartItemAdded;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.ShopId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The collector's JSON to canonical events: recorded snippet bodies, then a table of bad ones. */
class StorefrontEventsTest {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final StorefrontEvents events = new StorefrontEvents(CollectorSettings.DEFAULTS);

    @Test
    void aSnippetProductViewBecomesProductViewed() throws Exception {
        EventEnvelope envelope = events.parse(SHOP, fixture("snippet-product-viewed.json"), NOW);

        assertThat(envelope.payload()).isEqualTo(new ProductViewed(ProductId.of("123"),
                "9bb85305-2c4a-4a34-a0a2-94bed90fa979", null, URI.create("https://shop.example.com/products/mug"),
                Instant.parse("2026-03-01T11:59:58.527Z")));
        assertThat(envelope.shop()).isEqualTo(SHOP);
        assertThat(envelope.source()).isEqualTo("storefront");
        assertThat(envelope.sourceTopic()).isEqualTo("product_viewed");
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-03-01T11:59:58.527Z"));
        assertThat(envelope.receivedAt()).isEqualTo(NOW);
        assertThat(envelope.dedupKey()).isEqualTo("storefront:product_viewed:9bb85305-2c4a-4a34-a0a2-94bed90fa979:123"
                + ":456:713d9c4d-052b-4151-b898-9ab1d5554568");
    }

    @Test
    void aSnippetAddToCartBecomesCartItemAddedWithItsPrice() throws Exception {
        EventEnvelope envelope = events.parse(SHOP, fixture("snippet-added-to-cart.json"), NOW);

        assertThat(envelope.payload()).isEqualTo(new CartItemAdded(ProductId.of("123"), 2, Money.of("19.90", "EUR"),
                "9bb85305-2c4a-4a34-a0a2-94bed90fa979", null, URI.create("https://shop.example.com/products/mug"),
                Instant.parse("2026-03-01T11:59:59.538Z")));
        assertThat(envelope.type()).isEqualTo("CartItemAdded");
    }

    @Test
    void aPixelEventKeepsGlobalIdsAndDropsTheQueryAndTheUnverifiedCustomerByDefault() throws Exception {
        CartItemAdded added = (CartItemAdded) events.parse(SHOP, fixture("shopify-pixel-added-to-cart.json"), NOW)
                .payload();

        assertThat(added.product()).isEqualTo(ProductId.of("gid://shopify/Product/7981234567890"));
        assertThat(added.url()).isEqualTo(URI.create("https://shop.example.com/products/mug"));
        assertThat(added.customer()).isNull();

        StorefrontEvents trusting = new StorefrontEvents(new CollectorSettings(4096, Duration.ofDays(1), true));
        assertThat(((CartItemAdded) trusting.parse(SHOP, fixture("shopify-pixel-added-to-cart.json"), NOW).payload())
                .customer()).isEqualTo(CustomerId.of("gid://shopify/Customer/6543210987654"));
    }

    @Test
    void withoutAClientEventIdTheDedupKeyFoldsAMinuteOfRepeats() throws Exception {
        String body = "{\"type\":\"product_viewed\",\"visitorId\":\"visitor-0001\",\"productId\":77}";

        String first = events.parse(SHOP, bytes(body), NOW).dedupKey();
        String sameMinute = events.parse(SHOP, bytes(body), NOW.plusSeconds(59)).dedupKey();
        String nextMinute = events.parse(SHOP, bytes(body), NOW.plusSeconds(60)).dedupKey();

        assertThat(first).isEqualTo("storefront:product_viewed:visitor-0001:77:-:m" + NOW.getEpochSecond() / 60)
                .isEqualTo(sameMinute).isNotEqualTo(nextMinute);
    }

    @ParameterizedTest(name = "occurredAt {0} -> {1}")
    @CsvSource({
            "2026-03-01T11:59:00Z, 2026-03-01T11:59:00Z",
            "2026-02-28T12:00:00Z, 2026-02-28T12:00:00Z",
            "2026-02-28T11:59:59Z, 2026-03-01T12:00:00Z",
            "2026-03-01T12:00:01Z, 2026-03-01T12:00:00Z",
            "2027-01-01T00:00:00Z, 2026-03-01T12:00:00Z",
            "2026-03-01T13:00:00+01:00, 2026-03-01T12:00:00Z"})
    void theVisitorsClockIsUsedOnlyWithinADayBeforeReceipt(String occurredAt, String expected) throws Exception {
        String body = "{\"type\":\"product_viewed\",\"visitorId\":\"visitor-0001\",\"productId\":\"p1\","
                + "\"occurredAt\":\"" + occurredAt + "\"}";

        assertThat(events.parse(SHOP, bytes(body), NOW).occurredAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                                          | MALFORMED     | The body is not JSON
            [1,2]                                                                             | MALFORMED     | The body is not a JSON object
            {}                                                                                | INVALID_FIELD | type is missing
            {"type":"checkout_started","visitorId":"visitor-0001","productId":"1"}            | UNKNOWN_TYPE  | type 'checkout_started' is not one the collector takes
            {"type":"product_viewed","productId":"1"}                                         | INVALID_FIELD | visitorId is missing
            {"type":"product_viewed","visitorId":"short","productId":"1"}                     | INVALID_FIELD | visitorId must be 8 to 64
            {"type":"product_viewed","visitorId":"visitor<script>","productId":"1"}           | INVALID_FIELD | visitorId must be 8 to 64
            {"type":"product_viewed","visitorId":"visitor-0001"}                              | INVALID_FIELD | productId is missing
            {"type":"product_viewed","visitorId":"visitor-0001","productId":"a b"}            | INVALID_FIELD | productId must be 1 to 128 printable
            {"type":"product_viewed","visitorId":"visitor-0001","productId":true}             | INVALID_FIELD | productId is not an id
            {"type":"product_viewed","visitorId":"visitor-0001","productId":1.5}              | INVALID_FIELD | productId is not a whole-number id
            {"type":"added_to_cart","visitorId":"visitor-0001","productId":"1","quantity":0}  | INVALID_FIELD | quantity must be 1 to 999: 0
            {"type":"added_to_cart","visitorId":"visitor-0001","productId":"1","quantity":1000} | INVALID_FIELD | quantity must be 1 to 999: 1000
            {"type":"added_to_cart","visitorId":"visitor-0001","productId":"1","quantity":"2"} | INVALID_FIELD | quantity is not a number
            {"type":"added_to_cart","visitorId":"visitor-0001","productId":"1","price":"9.90"} | INVALID_FIELD | currency is missing
            {"type":"added_to_cart","visitorId":"visitor-0001","productId":"1","price":"-1","currency":"EUR"} | INVALID_FIELD | price must be a non-negative amount
            {"type":"added_to_cart","visitorId":"visitor-0001","productId":"1","price":"9.90","currency":"EURO"} | INVALID_FIELD | currency 'EURO' is not an ISO 4217 code
            {"type":"product_viewed","visitorId":"visitor-0001","productId":"1","url":"javascript:alert(1)"} | INVALID_FIELD | url must be an absolute http(s) address
            {"type":"product_viewed","visitorId":"visitor-0001","productId":"1","occurredAt":"yesterday"} | INVALID_FIELD | occurredAt is not an ISO-8601 timestamp
            {"type":"product_viewed","visitorId":"visitor-0001","productId":"1","eventId":"a/b"} | INVALID_FIELD | eventId must be 1 to 64
            """)
    void badBodiesAreRefusedNamingTheField(String body, Problem problem, String message) {
        assertThatThrownBy(() -> events.parse(SHOP, bytes(body), NOW))
                .isInstanceOfSatisfying(CollectException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    @Test
    void oversizedBodiesAndFieldsAreRefused() {
        String big = "{\"type\":\"product_viewed\",\"visitorId\":\"visitor-0001\",\"productId\":\"1\",\"pad\":\""
                + "x".repeat(5000) + "\"}";
        assertThatThrownBy(() -> events.parse(SHOP, bytes(big), NOW))
                .isInstanceOfSatisfying(CollectException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                    assertThat(e.httpStatus()).isEqualTo(413);
                });
        String longId = "{\"type\":\"product_viewed\",\"visitorId\":\"visitor-0001\",\"productId\":\""
                + "9".repeat(129) + "\"}";
        assertThatThrownBy(() -> events.parse(SHOP, bytes(longId), NOW))
                .isInstanceOfSatisfying(CollectException.class,
                        e -> assertThat(e.getMessage()).startsWith("productId must be 1 to 128").hasSizeLessThan(300));
        String longUrl = "{\"type\":\"product_viewed\",\"visitorId\":\"visitor-0001\",\"productId\":\"1\",\"url\":"
                + "\"https://shop.example.com/" + "a".repeat(2100) + "\"}";
        StorefrontEvents roomy = new StorefrontEvents(new CollectorSettings(8192, Duration.ofDays(1), false));
        assertThatThrownBy(() -> roomy.parse(SHOP, bytes(longUrl), NOW))
                .isInstanceOfSatisfying(CollectException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("url is longer than 2048 characters."));
    }

    @Test
    void deeplyNestedJunkIsATypedErrorNotACrash() {
        String nested = "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        StorefrontEvents roomy = new StorefrontEvents(new CollectorSettings(8192, Duration.ofDays(1), false));

        assertThatThrownBy(() -> roomy.parse(SHOP, bytes(nested), NOW)).isInstanceOf(CollectException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StorefrontEventsTest.class.getResourceAsStream("/storefront/" + name)) {
            return in.readAllBytes();
        }
    }
}
