package dev.beckon.adapters.shopify.install;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.RecordingSleeper;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.adapters.install.InstallException;
import dev.beckon.adapters.shopify.admin.GraphqlCalls;
import dev.beckon.adapters.shopify.admin.ShopifyClients;
import dev.beckon.adapters.shopify.admin.ShopifyWebhookSubscriptions;
import dev.beckon.adapters.signature.HmacSha256;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole authorization-code install against a local server standing in for the shop, with Shopify's documented
 * callback (knowledge file 8.4: secret {@code hush}, signed at 1337178173) and callbacks signed the same way.
 */
class ShopifyInstallTest {

    @RegisterExtension
    static final WireMockExtension SHOPIFY = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String SECRET = "hush";
    private static final String DOCUMENTED_STATE = "0.6784241404160823";
    private static final String DOCUMENTED_CODE = "0907a61c0c8d55e99db179b68161bc00";
    private static final ShopDomain SHOP = new ShopDomain("some-shop.myshopify.com");
    private static final String TOKEN_PATH = "/admin/oauth/access_token";
    private static final String GRAPHQL_PATH = "/admin/api/2025-10/graphql.json";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1337178173));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final InMemoryInstallStates states = new InMemoryInstallStates(clock, 100);
    private final ShopifyInstall install = install();

    private ShopifyInstall install() {
        Function<ShopDomain, URI> local = shop -> URI.create(SHOPIFY.baseUrl());
        Throttles throttles = new Throttles(clock, sleeper);
        RestClients clients = RestClients.of("Shopify", clock);
        GraphqlCalls graphql = new GraphqlCalls(
                new ShopifyClients(local, clients, throttles, ShopifyClients.DEFAULT_API_VERSION),
                BoundedRetry.DEFAULT);
        return new ShopifyInstall(
                new ShopifyAppSettings("beckon-client-id", SECRET, ShopifyAppSettings.DEFAULT_SCOPES,
                        URI.create("https://beckon.example/install/shopify/callback"), Duration.ofMinutes(10)),
                states,
                new ShopifyTokenExchange(local, clients, throttles),
                new ShopifyWebhookSubscriptions(graphql),
                shop -> URI.create("https://beckon.example/webhooks/shopify/shop-42"),
                clock,
                new SecureRandom());
    }

    /** Shopify's documented callback, its state remembered as if this browser had started the install. */
    private Map<String, String> documentedCallback() {
        states.remember(DOCUMENTED_STATE, SHOP, clock.instant().plusSeconds(600));
        Map<String, String> query = new HashMap<>();
        query.put("code", DOCUMENTED_CODE);
        query.put("shop", SHOP.value());
        query.put("state", DOCUMENTED_STATE);
        query.put("timestamp", "1337178173");
        query.put("hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
        return query;
    }

    /** A callback signed as Shopify signs it (sorted, form-encoded, hex HMAC-SHA256 under the client secret). */
    private static Map<String, String> signed(Map<String, String> params) {
        Map<String, String> query = new HashMap<>(params);
        query.remove("hmac");
        byte[] mac = HmacSha256.mac(SECRET.getBytes(StandardCharsets.UTF_8),
                OAuthCallbackVerifier.message(query).getBytes(StandardCharsets.UTF_8));
        query.put("hmac", HexFormat.of().formatHex(mac));
        return query;
    }

    private void shopifyGrantsTheToken() {
        SHOPIFY.stubFor(post(TOKEN_PATH).willReturn(okJson(
                "{\"access_token\":\"shpat_f00dcafe\",\"scope\":\"read_orders,read_customers,write_discounts\"}")));
    }

    private void shopifyAcceptsEveryWebhook() {
        SHOPIFY.stubFor(post(GRAPHQL_PATH).withRequestBody(containing("webhookSubscriptionCreate"))
                .willReturn(okJson("""
                {"data":{"webhookSubscriptionCreate":{
                   "webhookSubscription":{"id":"gid://shopify/WebhookSubscription/8100000000000000001","topic":"X"},
                   "userErrors":[]}},
                 "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,
                   "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}}
                """)));
    }

    @Test
    void theDocumentedCallbackInstallsTheShopAndSubscribesItsWebhooks() {
        shopifyGrantsTheToken();
        shopifyAcceptsEveryWebhook();

        ShopifyInstallation installed = install.complete(documentedCallback());

        assertThat(installed.shop()).isEqualTo(SHOP);
        assertThat(installed.accessToken()).isEqualTo("shpat_f00dcafe");
        assertThat(installed.grantedScopes()).containsExactlyInAnyOrder("read_orders", "read_customers",
                "write_discounts");
        assertThat(installed.webhooks()).extracting(WebhookSubscription::topic)
                .containsExactlyElementsOf(ShopifyWebhookSubscriptions.TOPICS);
        assertThat(installed.webhookProblems()).isEmpty();
        assertThat(installed.toString()).doesNotContain("shpat_f00dcafe");

        SHOPIFY.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalToJson("""
                {"client_id":"beckon-client-id","client_secret":"hush","code":"0907a61c0c8d55e99db179b68161bc00"}
                """)));
        SHOPIFY.verify(ShopifyWebhookSubscriptions.TOPICS.size(), postRequestedFor(urlEqualTo(GRAPHQL_PATH))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_f00dcafe"))
                .withRequestBody(matchingJsonPath("$.variables.webhookSubscription.callbackUrl",
                        equalTo("https://beckon.example/webhooks/shopify/shop-42")))
                .withRequestBody(matchingJsonPath("$.variables.webhookSubscription.format", equalTo("JSON"))));
        SHOPIFY.verify(1, postRequestedFor(urlEqualTo(GRAPHQL_PATH))
                .withRequestBody(matchingJsonPath("$.variables.topic", equalTo("CHECKOUTS_UPDATE"))));
    }

    @Test
    void theAuthorizeUrlCarriesAFreshStateThatTheCallbackMustBringBack() {
        AuthorizeRedirect redirect = install.authorizeUrl("Some-Shop.myshopify.com");

        assertThat(redirect.shop()).isEqualTo(SHOP);
        assertThat(redirect.url().toString()).isEqualTo("https://some-shop.myshopify.com/admin/oauth/authorize"
                + "?client_id=beckon-client-id&scope=read_orders%2Cread_customers%2Cwrite_discounts"
                + "&redirect_uri=https%3A%2F%2Fbeckon.example%2Finstall%2Fshopify%2Fcallback"
                + "&state=" + redirect.state());
        assertThat(redirect.state()).hasSize(43).isNotEqualTo(install.authorizeUrl(SHOP.value()).state());

        shopifyGrantsTheToken();
        shopifyAcceptsEveryWebhook();
        ShopifyInstallation installed = install.complete(signed(Map.of("code", "c0de", "shop", SHOP.value(),
                "state", redirect.state(), "timestamp", "1337178180",
                "host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvc29tZS1zaG9w")));
        assertThat(installed.accessToken()).isEqualTo("shpat_f00dcafe");
    }

    @Test
    void aTamperedCallbackIsRefusedBeforeShopifyIsCalled() {
        Map<String, String> tampered = documentedCallback();
        tampered.put("code", "1907a61c0c8d55e99db179b68161bc00");

        assertThatThrownBy(() -> install.complete(tampered))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InstallException.Kind.UNAUTHENTICATED);
                    assertThat(e.getMessage()).isEqualTo(
                            "Shopify's callback was refused: hmac does not match the parameters");
                });
        SHOPIFY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aReplayedStateIsRefusedAndTheCodeIsExchangedOnlyOnce() {
        shopifyGrantsTheToken();
        shopifyAcceptsEveryWebhook();
        Map<String, String> callback = documentedCallback();
        install.complete(callback);

        assertThatThrownBy(() -> install.complete(callback))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.REPLAYED_STATE));
        SHOPIFY.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aStateThatWasNeverIssuedOrHasExpiredIsRefused() {
        Map<String, String> neverIssued = signed(Map.of("code", "c0de", "shop", SHOP.value(), "state", "forged",
                "timestamp", "1337178173"));
        assertThatThrownBy(() -> install.complete(neverIssued))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.REPLAYED_STATE));

        AuthorizeRedirect started = install.authorizeUrl(SHOP.value());
        clock.advance(Duration.ofMinutes(11));
        Map<String, String> late = signed(Map.of("code", "c0de", "shop", SHOP.value(), "state", started.state(),
                "timestamp", String.valueOf(clock.instant().getEpochSecond())));
        assertThatThrownBy(() -> install.complete(late))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.REPLAYED_STATE));
        SHOPIFY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aStateIssuedForAnotherShopIsRefused() {
        AuthorizeRedirect forOther = install.authorizeUrl("other-shop.myshopify.com");
        Map<String, String> callback = signed(Map.of("code", "c0de", "shop", SHOP.value(),
                "state", forOther.state(), "timestamp", "1337178173"));

        assertThatThrownBy(() -> install.complete(callback))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InstallException.Kind.UNAUTHENTICATED);
                    assertThat(e.getMessage()).contains("another shop");
                });
    }

    @Test
    void aForeignShopDomainIsRefusedAtBothEnds() {
        assertThatThrownBy(() -> install.authorizeUrl("evil.com"))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InstallException.Kind.FORBIDDEN_DOMAIN);
                    assertThat(e.kind().httpStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> install.authorizeUrl("some-shop.myshopify.com.evil.com"))
                .isInstanceOf(InstallException.class);

        Map<String, String> evil = signed(Map.of("code", "c0de", "shop", "evil.com", "state", DOCUMENTED_STATE,
                "timestamp", "1337178173"));
        assertThatThrownBy(() -> install.complete(evil))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.FORBIDDEN_DOMAIN));
        SHOPIFY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCallbackOlderThan90SecondsHasExpired() {
        Map<String, String> callback = documentedCallback();
        clock.advance(Duration.ofSeconds(91));

        assertThatThrownBy(() -> install.complete(callback))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.EXPIRED));
    }

    @Test
    void aTokenExchangeServerErrorIsTypedPlatformUnavailable() {
        SHOPIFY.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> install.complete(documentedCallback()))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_UNAVAILABLE);
                    assertThat(e.kind().httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("HTTP 503").doesNotContain(SECRET);
                });
    }

    @Test
    void aCodeShopifyRefusesIsTypedPlatformRejected() {
        SHOPIFY.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_request\","
                        + "\"error_description\":\"The authorization code was not found or was already used\"}")));

        assertThatThrownBy(() -> install.complete(documentedCallback()))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_REJECTED));
    }

    @Test
    void aTokenAnswerWithoutATokenIsNotAnInstall() {
        SHOPIFY.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"scope\":\"read_orders\"}")));

        assertThatThrownBy(() -> install.complete(documentedCallback()))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_UNAVAILABLE));
    }

    @Test
    void aWebhookShopifyRefusesIsReportedAndTheInstallStands() {
        shopifyGrantsTheToken();
        shopifyAcceptsEveryWebhook();
        SHOPIFY.stubFor(post(GRAPHQL_PATH).withRequestBody(matchingJsonPath("$.variables.topic",
                equalTo("CHECKOUTS_CREATE"))).willReturn(okJson("""
                {"data":{"webhookSubscriptionCreate":{"webhookSubscription":null,
                  "userErrors":[{"field":["webhookSubscription","callbackUrl"],
                                 "message":"Address for this topic has already been taken"}]}}}
                """)));

        ShopifyInstallation installed = install.complete(documentedCallback());

        assertThat(installed.accessToken()).isEqualTo("shpat_f00dcafe");
        assertThat(installed.webhooks()).hasSize(ShopifyWebhookSubscriptions.TOPICS.size() - 1);
        assertThat(installed.webhookProblems())
                .containsExactly("CHECKOUTS_CREATE: Address for this topic has already been taken");
    }

    @Test
    void aCallbackWithoutStateOrCodeIsMalformed() {
        Map<String, String> noState = signed(Map.of("code", "c0de", "shop", SHOP.value(), "timestamp", "1337178173"));
        assertThatThrownBy(() -> install.complete(noState))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.MALFORMED));
        states.remember("s1", SHOP, clock.instant().plusSeconds(60));
        Map<String, String> noCode = signed(Map.of("shop", SHOP.value(), "state", "s1", "timestamp", "1337178173"));
        assertThatThrownBy(() -> install.complete(noCode))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.MALFORMED));
    }

    // ---- Shopify-managed install: the embedded app's session token

    /** A session token as Shopify's admin issues it: HS256 under the given secret, claims as given. */
    private static String sessionToken(String secret, String alg, String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        byte[] mac = HmacSha256.mac(secret.getBytes(StandardCharsets.UTF_8),
                signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(mac);
    }

    private String claims(String dest, String aud, long expOffsetSeconds) {
        long now = clock.instant().getEpochSecond();
        return "{\"iss\":\"" + dest + "/admin\",\"dest\":\"" + dest + "\",\"aud\":\"" + aud + "\",\"sub\":\"42\","
                + "\"exp\":" + (now + expOffsetSeconds) + ",\"nbf\":" + (now - 5) + ",\"iat\":" + (now - 5)
                + ",\"jti\":\"00000000-0000-4000-8000-000000000000\",\"sid\":\"s\"}";
    }

    @Test
    void anEmbeddedAppsSessionTokenIsExchangedForTheOfflineTokenAndTheShopIsSubscribed() {
        shopifyGrantsTheToken();
        shopifyAcceptsEveryWebhook();
        String idToken = sessionToken(SECRET, "HS256", claims("https://" + SHOP.value(), "beckon-client-id", 60));

        ShopifyInstallation installed = install.completeEmbedded(idToken);

        assertThat(installed.shop()).isEqualTo(SHOP);
        assertThat(installed.accessToken()).isEqualTo("shpat_f00dcafe");
        SHOPIFY.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalToJson("""
                {"client_id":"beckon-client-id","client_secret":"hush",
                 "grant_type":"urn:ietf:params:oauth:grant-type:token-exchange","subject_token":"%s",
                 "subject_token_type":"urn:ietf:params:oauth:token-type:id_token",
                 "requested_token_type":"urn:shopify:params:oauth:token-type:offline-access-token",
                 "expiring":"0"}""".formatted(idToken))));
        assertThat(installed.webhooks()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hush          | HS256 | https://some-shop.myshopify.com | beckon-client-id | 60  | EXPIRED",
            "hush          | HS256 | https://some-shop.myshopify.com | beckon-client-id | -11 | EXPIRED",
            "someone-else  | HS256 | https://some-shop.myshopify.com | beckon-client-id | 60  | UNAUTHENTICATED",
            "hush          | HS256 | https://some-shop.myshopify.com | another-app      | 60  | UNAUTHENTICATED",
            "hush          | HS384 | https://some-shop.myshopify.com | beckon-client-id | 60  | UNAUTHENTICATED",
            "hush          | HS256 | https://evil.com                | beckon-client-id | 60  | FORBIDDEN_DOMAIN",
            "hush          | HS256 | http://some-shop.myshopify.com  | beckon-client-id | 60  | FORBIDDEN_DOMAIN"})
    void aSessionTokenThatDoesNotHoldInstallsNothing(String secret, String alg, String dest, String aud, long exp,
                                                     InstallException.Kind expected) {
        String idToken = sessionToken(secret, alg, claims(dest, aud, exp));
        if (expected == InstallException.Kind.EXPIRED && exp > 0) {
            clock.advance(Duration.ofSeconds(exp + 10)); // the clock moves past exp + the 10 s tolerance
        }

        assertThatThrownBy(() -> install.completeEmbedded(idToken)).isInstanceOfSatisfying(InstallException.class,
                e -> assertThat(e.kind()).isEqualTo(expected));
        SHOPIFY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSessionTokenThatIsNotAJwtIsMalformed() {
        assertThatThrownBy(() -> install.completeEmbedded("not.a-jwt")).isInstanceOfSatisfying(
                InstallException.class, e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.MALFORMED));
        assertThatThrownBy(() -> install.completeEmbedded(null)).isInstanceOfSatisfying(
                InstallException.class, e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.MALFORMED));
    }
}
