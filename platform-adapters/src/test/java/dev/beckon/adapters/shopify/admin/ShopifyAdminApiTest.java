package dev.beckon.adapters.shopify.admin;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.beckon.adapters.admin.CustomerContact;
import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.admin.ShopCredentials;
import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.PlatformUnavailableException;
import dev.beckon.adapters.http.RecordingSleeper;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Money;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shopify's GraphQL Admin API against a local server: the three operations, cost-based pacing and THROTTLED. */
class ShopifyAdminApiTest {

    @RegisterExtension
    static final WireMockExtension SHOPIFY = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String GRAPHQL = "/admin/api/2025-10/graphql.json";
    /** Above 2^53: a double would turn it into ...500 (knowledge file 2.6). */
    private static final String BIG_ID = "820982911946154508";
    private static final ShopCredentials SHOP = new ShopCredentials("some-shop.myshopify.com", "shpat_f00dcafe");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ShopifyAdminApi api = new ShopifyAdminApi(new GraphqlCalls(
            new ShopifyClients(shop -> URI.create(SHOPIFY.baseUrl()), RestClients.of("Shopify", clock),
                    new Throttles(clock, sleeper), ShopifyClients.DEFAULT_API_VERSION),
            BoundedRetry.DEFAULT));

    private static String cost(double requested, double available) {
        return """
                "extensions":{"cost":{"requestedQueryCost":%s,"actualQueryCost":%s,
                  "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":%s,"restoreRate":100.0}}}
                """.formatted(requested, requested, available);
    }

    private static String customerAnswer(double available) {
        return """
                {"data":{"customer":{"id":"gid://shopify/Customer/820982911946154508",
                  "defaultEmailAddress":{"emailAddress":"bob.norman@mail.example.com","marketingState":"SUBSCRIBED"},
                  "defaultPhoneNumber":{"phoneNumber":"+16135551111","marketingState":"NOT_SUBSCRIBED"}}},
                """ + cost(2, available) + "}";
    }

    @Test
    void readsTheCustomersContactAndConsentWithTheExactId() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson(customerAnswer(1998))));

        CustomerContact contact = api.customer(SHOP, CustomerId.of(BIG_ID));

        assertThat(contact.id()).isEqualTo(CustomerId.of(BIG_ID));
        assertThat(contact.email()).isEqualTo("bob.norman@mail.example.com");
        assertThat(contact.phone()).isEqualTo("+16135551111");
        assertThat(contact.emailConsent().channel()).isEqualTo(ChannelType.EMAIL);
        assertThat(contact.emailConsent().allowsMarketing()).isTrue();
        assertThat(contact.smsConsent().state()).isEqualTo(Consent.State.NOT_SUBSCRIBED);
        assertThat(contact.smsConsent().allowsMarketing()).isFalse();
        SHOPIFY.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_f00dcafe"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Customer/" + BIG_ID)))
                .withRequestBody(matchingJsonPath("$.query",
                        containing("defaultEmailAddress { emailAddress marketingState }"))));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aCustomerWithoutEmailOrPhoneHasUnknownConsent() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson("""
                {"data":{"customer":{"id":"gid://shopify/Customer/1","defaultEmailAddress":null,
                  "defaultPhoneNumber":null}}}""")));

        CustomerContact contact = api.customer(SHOP, CustomerId.of("gid://shopify/Customer/1"));

        assertThat(contact.email()).isNull();
        assertThat(contact.emailConsent().state()).isEqualTo(Consent.State.UNKNOWN);
        assertThat(contact.smsConsent().state()).isEqualTo(Consent.State.UNKNOWN);
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson("{\"data\":{\"customer\":null}}")));

        assertThatThrownBy(() -> api.customer(SHOP, CustomerId.of("1")))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.NOT_FOUND));
    }

    @Test
    void anIdThatIsNotAShopifyIdIsRejectedWithoutACall() {
        assertThatThrownBy(() -> api.customer(SHOP, CustomerId.of("gid://shopify/Order/1")))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.REJECTED));
        SHOPIFY.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void aThrottledQueryWaitsForTheRestoreRateAndIsRetried() {
        SHOPIFY.stubFor(post(GRAPHQL).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(okJson("""
                        {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",
                           "documentation":"https://shopify.dev/api/usage/rate-limits"}}],
                        """ + cost(502, 2) + "}"))
                .willSetStateTo("restored"));
        SHOPIFY.stubFor(post(GRAPHQL).inScenario("throttle").whenScenarioStateIs("restored")
                .willReturn(okJson(customerAnswer(1500))));

        CustomerContact contact = api.customer(SHOP, CustomerId.of(BIG_ID));

        assertThat(contact.email()).isEqualTo("bob.norman@mail.example.com");
        // (502 requested - 2 available) / 100 restored per second
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
        SHOPIFY.verify(2, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void aNearlyEmptyCostBudgetSlowsTheNextQueryDown() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson(customerAnswer(0.5))));

        api.customer(SHOP, CustomerId.of(BIG_ID));
        api.customer(SHOP, CustomerId.of(BIG_ID));

        // 2 points needed, 0.5 left, 100/s: 15 ms
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(15));
    }

    @Test
    void a429WithRetryAfterTwoIsWaitedOutInsteadOfFailing() {
        SHOPIFY.stubFor(post(GRAPHQL).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("ok"));
        SHOPIFY.stubFor(post(GRAPHQL).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(customerAnswer(1998))));

        api.customer(SHOP, CustomerId.of(BIG_ID));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorIsPlatformUnavailable() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> api.customer(SHOP, CustomerId.of(BIG_ID)))
                .isInstanceOf(PlatformUnavailableException.class);
    }

    @Test
    void aForeignShopKeyNeverGetsTheToken() {
        ShopCredentials evil = new ShopCredentials("evil.com", "shpat_f00dcafe");
        assertThatThrownBy(() -> api.customer(evil, CustomerId.of("1")))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.REJECTED));
        SHOPIFY.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void createsASingleUsePercentageCodeForOneCustomer() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson("""
                {"data":{"discountCodeBasicCreate":{"codeDiscountNode":{"id":"gid://shopify/DiscountCodeNode/1057371270"},
                  "userErrors":[]}}}""")));

        DiscountCode code = api.createSingleUseDiscount(SHOP, new DiscountSpec("Beckon: come back", "BECKON-7KQ2",
                new BigDecimal("10"), null, CustomerId.of(BIG_ID), Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-09T10:00:00Z")));

        assertThat(code).isEqualTo(new DiscountCode("BECKON-7KQ2", "gid://shopify/DiscountCodeNode/1057371270"));
        SHOPIFY.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("discountCodeBasicCreate")))
                .withRequestBody(matchingJsonPath("$.variables.basicCodeDiscount", equalToJson("""
                        {"title":"Beckon: come back","code":"BECKON-7KQ2","startsAt":"2026-12-02T10:00:00Z",
                         "context":{"customers":{"add":["gid://shopify/Customer/820982911946154508"]}},
                         "customerGets":{"value":{"percentage":0.1000},"items":{"all":true}},
                         "usageLimit":1,"appliesOncePerCustomer":true,"endsAt":"2026-12-09T10:00:00Z"}
                        """))));
    }

    @Test
    void anAmountOffForAnyoneIsSentAsADecimalString() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson("""
                {"data":{"discountCodeBasicCreate":{"codeDiscountNode":{"id":"gid://shopify/DiscountCodeNode/2"},
                  "userErrors":[]}}}""")));

        api.createSingleUseDiscount(SHOP, new DiscountSpec("Beckon", "BECKON-5OFF", null, Money.of("5", "USD"),
                null, Instant.parse("2026-12-02T10:00:00Z"), null));

        SHOPIFY.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.basicCodeDiscount.customerGets.value", equalToJson(
                        "{\"discountAmount\":{\"amount\":\"5.00\",\"appliesOnEachItem\":false}}")))
                .withRequestBody(matchingJsonPath("$.variables.basicCodeDiscount.context",
                        equalToJson("{\"all\":\"ALL\"}"))));
    }

    @Test
    void aCodeShopifyRefusesIsRejectedWithItsReason() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson("""
                {"data":{"discountCodeBasicCreate":{"codeDiscountNode":null,
                  "userErrors":[{"field":["basicCodeDiscount","code"],"code":"TAKEN","message":"Code must be unique."}]}}}""")));

        assertThatThrownBy(() -> api.createSingleUseDiscount(SHOP, new DiscountSpec("Beckon", "BECKON-TAKEN",
                new BigDecimal("15"), null, null, Instant.parse("2026-12-02T10:00:00Z"), null)))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Shopify refused the discount code: Code must be unique.");
                });
    }

    @Test
    void findsTheRecoveryUrlOfAnOpenAbandonedCheckout() {
        SHOPIFY.stubFor(post(GRAPHQL).willReturn(okJson("""
                {"data":{"abandonedCheckouts":{"nodes":[{"id":"gid://shopify/AbandonedCheckout/450789469",
                  "abandonedCheckoutUrl":"https://some-shop.myshopify.com/548380009/checkouts/123123123/recover?key=example",
                  "completedAt":null}]}}}""")));

        assertThat(api.checkoutRecoveryUrl(SHOP, CheckoutId.of("450789469"))).contains(URI.create(
                "https://some-shop.myshopify.com/548380009/checkouts/123123123/recover?key=example"));
        SHOPIFY.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.query", equalTo("id:450789469"))));
    }

    @Test
    void aCompletedOrUnknownCheckoutHasNoRecoveryUrl() {
        SHOPIFY.stubFor(post(GRAPHQL).withRequestBody(containing("id:1")).willReturn(okJson("""
                {"data":{"abandonedCheckouts":{"nodes":[{"id":"gid://shopify/AbandonedCheckout/1",
                  "abandonedCheckoutUrl":"https://some-shop.myshopify.com/1/checkouts/1/recover?key=k",
                  "completedAt":"2026-12-01T10:00:00Z"}]}}}""")));
        SHOPIFY.stubFor(post(GRAPHQL).withRequestBody(containing("id:2")).willReturn(okJson(
                "{\"data\":{\"abandonedCheckouts\":{\"nodes\":[]}}}")));

        assertThat(api.checkoutRecoveryUrl(SHOP, CheckoutId.of("1"))).isEmpty();
        assertThat(api.checkoutRecoveryUrl(SHOP, CheckoutId.of("2"))).isEmpty();
        // a checkout token from a webhook is not searchable: no call, the webhook's URL is the source
        assertThat(api.checkoutRecoveryUrl(SHOP, CheckoutId.of("cd8f3e4a7b6c4e2f9a1b0c2d3e4f5a6b"))).isEmpty();
        SHOPIFY.verify(2, postRequestedFor(urlEqualTo(GRAPHQL)));
    }
}
