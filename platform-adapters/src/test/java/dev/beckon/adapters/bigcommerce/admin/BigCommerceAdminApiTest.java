package dev.beckon.adapters.bigcommerce.admin;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.beckon.adapters.admin.CustomerContact;
import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.admin.ShopCredentials;
import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.RecordingSleeper;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttles;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BigCommerce's REST v3 against a local server: the three operations and the per-store quota. */
class BigCommerceAdminApiTest {

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final ShopCredentials STORE = new ShopCredentials("12abc", "ACCESSTOKEN123");
    private static final String CUSTOMERS = "/stores/12abc/v3/customers";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final BigCommerceAdminApi api = new BigCommerceAdminApi(new BigCommerceClients(
            URI.create(API.baseUrl()), RestClients.of("BigCommerce", clock), new Throttles(clock, sleeper),
            BoundedRetry.DEFAULT));

    private static String customer(boolean accepts) {
        return """
                {"data":[{"id":11,"email":"jane@example.com","first_name":"Jane","last_name":"Doe",
                  "phone":"+15125550123","accepts_product_review_abandoned_cart_emails":%s}],
                 "meta":{"pagination":{"total":1,"count":1,"per_page":50,"current_page":1,"total_pages":1}}}
                """.formatted(accepts);
    }

    @Test
    void readsTheCustomersContactAndEmailConsent() {
        API.stubFor(get(urlPathEqualTo(CUSTOMERS)).willReturn(okJson(customer(true))));

        CustomerContact contact = api.customer(STORE, CustomerId.of("11"));

        assertThat(contact.email()).isEqualTo("jane@example.com");
        assertThat(contact.phone()).isEqualTo("+15125550123");
        assertThat(contact.emailConsent().allowsMarketing()).isTrue();
        assertThat(contact.smsConsent().state()).isEqualTo(Consent.State.UNKNOWN);
        API.verify(getRequestedFor(urlPathEqualTo(CUSTOMERS))
                .withQueryParam("id:in", equalTo("11"))
                .withHeader("X-Auth-Token", equalTo("ACCESSTOKEN123")));
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        API.stubFor(get(urlPathEqualTo(CUSTOMERS)).willReturn(okJson("{\"data\":[],\"meta\":{}}")));

        assertThatThrownBy(() -> api.customer(STORE, CustomerId.of("12")))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.NOT_FOUND));
    }

    @Test
    void anExhaustedQuotaSlowsTheNextCallDownForTheResetWindow() {
        API.stubFor(get(urlPathEqualTo(CUSTOMERS)).willReturn(okJson(customer(false))
                .withHeader("X-Rate-Limit-Time-Window-Ms", "30000")
                .withHeader("X-Rate-Limit-Time-Reset-Ms", "4000")
                .withHeader("X-Rate-Limit-Requests-Quota", "150")
                .withHeader("X-Rate-Limit-Requests-Left", "0")));

        api.customer(STORE, CustomerId.of("11"));
        api.customer(STORE, CustomerId.of("11"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void a429IsWaitedOutForTheResetMillisecondsAndNotFailed() {
        API.stubFor(get(urlPathEqualTo(CUSTOMERS)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("X-Rate-Limit-Time-Reset-Ms", "2500")
                        .withHeader("X-Rate-Limit-Requests-Left", "0"))
                .willSetStateTo("ok"));
        API.stubFor(get(urlPathEqualTo(CUSTOMERS)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(customer(true))));

        assertThat(api.customer(STORE, CustomerId.of("11")).email()).isEqualTo("jane@example.com");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(2500));
    }

    @Test
    void createsACouponPromotionAndItsSingleUseCode() {
        API.stubFor(post("/stores/12abc/v3/promotions").willReturn(okJson(
                "{\"data\":{\"id\":9007199254740993,\"name\":\"Beckon\",\"redemption_type\":\"COUPON\"},\"meta\":{}}")));
        API.stubFor(post("/stores/12abc/v3/promotions/9007199254740993/codes").willReturn(okJson(
                "{\"data\":{\"id\":1,\"code\":\"BECKON-7KQ2\",\"max_uses\":1,\"current_uses\":0},\"meta\":{}}")));

        DiscountCode code = api.createSingleUseDiscount(STORE, new DiscountSpec("Beckon", "BECKON-7KQ2",
                new BigDecimal("10.0"), null, null, Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-09T10:00:00Z")));

        // above 2^53: a double would have made it ...992
        assertThat(code).isEqualTo(new DiscountCode("BECKON-7KQ2", "9007199254740993"));
        API.verify(postRequestedFor(urlEqualTo("/stores/12abc/v3/promotions")).withRequestBody(equalToJson("""
                {"name":"Beckon","redemption_type":"COUPON","status":"ENABLED","max_uses":1,
                 "start_date":"2026-12-02T10:00:00Z","end_date":"2026-12-09T10:00:00Z",
                 "rules":[{"action":{"cart_value":{"discount":{"percentage_amount":"10"}}}}]}""")));
        API.verify(postRequestedFor(urlEqualTo("/stores/12abc/v3/promotions/9007199254740993/codes"))
                .withRequestBody(equalToJson("{\"code\":\"BECKON-7KQ2\",\"max_uses\":1,\"max_uses_per_customer\":1}")));
    }

    @Test
    void aFixedAmountIsSentAsADecimalString() {
        API.stubFor(post("/stores/12abc/v3/promotions").willReturn(okJson("{\"data\":{\"id\":5}}")));
        API.stubFor(post("/stores/12abc/v3/promotions/5/codes").willReturn(okJson("{\"data\":{\"id\":1}}")));

        api.createSingleUseDiscount(STORE, new DiscountSpec("Beckon", "BECKON-5OFF", null, Money.of("5", "USD"),
                null, Instant.parse("2026-12-02T10:00:00Z"), null));

        API.verify(postRequestedFor(urlEqualTo("/stores/12abc/v3/promotions")).withRequestBody(equalToJson(
                "{\"rules\":[{\"action\":{\"cart_value\":{\"discount\":{\"fixed_amount\":\"5.00\"}}}}]}", true, true)));
    }

    @Test
    void aRefusedPromotionIsRejected() {
        API.stubFor(post("/stores/12abc/v3/promotions").willReturn(aResponse().withStatus(422)
                .withBody("{\"status\":422,\"title\":\"The coupon code already exists.\"}")));

        assertThatThrownBy(() -> api.createSingleUseDiscount(STORE, new DiscountSpec("Beckon", "BECKON-TAKEN",
                new BigDecimal("10"), null, null, Instant.parse("2026-12-02T10:00:00Z"), null)))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.REJECTED);
                    assertThat(e.status()).isEqualTo(422);
                });
    }

    @Test
    void theRecoveryUrlIsTheCartsCheckoutUrl() {
        API.stubFor(post("/stores/12abc/v3/carts/3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c/redirect_urls")
                .willReturn(okJson("""
                        {"data":{"cart_url":"https://store-12abc.mybigcommerce.com/cart.php?action=load&id=3f8e2b1c",
                          "checkout_url":"https://store-12abc.mybigcommerce.com/cart.php?action=loadInCheckout&id=3f8e2b1c",
                          "embedded_checkout_url":"https://store-12abc.mybigcommerce.com/cart.php?embedded=1"}}""")));
        API.stubFor(post("/stores/12abc/v3/carts/gone/redirect_urls").willReturn(aResponse().withStatus(404)));

        assertThat(api.checkoutRecoveryUrl(STORE, CheckoutId.of("3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c")))
                .contains(URI.create(
                        "https://store-12abc.mybigcommerce.com/cart.php?action=loadInCheckout&id=3f8e2b1c"));
        assertThat(api.checkoutRecoveryUrl(STORE, CheckoutId.of("gone"))).isEmpty();
    }

    @Test
    void aMalformedStoreHashOrIdIsRejectedWithoutACall() {
        assertThatThrownBy(() -> api.customer(new ShopCredentials("../evil", "T"), CustomerId.of("11")))
                .isInstanceOfSatisfying(PlatformCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(PlatformCallException.Kind.REJECTED));
        assertThatThrownBy(() -> api.customer(STORE, CustomerId.of("11,12")))
                .isInstanceOf(PlatformCallException.class);
        assertThatThrownBy(() -> api.checkoutRecoveryUrl(STORE, CheckoutId.of("a/../b")))
                .isInstanceOf(PlatformCallException.class);
        API.verify(0, getRequestedFor(urlPathEqualTo(CUSTOMERS)));
    }
}
