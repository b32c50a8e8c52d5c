package dev.beckon.adapters.bigcommerce.install;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.beckon.adapters.bigcommerce.admin.BigCommerceClients;
import dev.beckon.adapters.bigcommerce.admin.BigCommerceHooks;
import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.RecordingSleeper;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.adapters.install.InstallException;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
 * BigCommerce's {@code /auth}, {@code /load} and {@code /uninstall} against local servers standing in for
 * {@code login.bigcommerce.com} and {@code api.bigcommerce.com}, with the node-bigcommerce JWT (knowledge file 8.8).
 */
class BigCommerceInstallTest {

    @RegisterExtension
    static final WireMockExtension LOGIN = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    /** From node-bigcommerce's tests: client id and secret {@code 123456abcdef}, store 12abc, user 2369. */
    private static final String CLIENT = "123456abcdef";
    private static final String VALID_JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIxMjM0NTZhYmNkZWYiLCJpc3MiOiJiYyIsImlhdCI6MTYyMjc0MjcyNywibmJmIjoxNjIyNzQyNzIyLCJleHAiOjM2MjI4MjkxMjcsImp0aSI6ImY0NGI1NmU5LTI1ZTUtNDQ3OC05ODUyLTQwMjdlNzMyYmY0OSIsInN1YiI6InN0b3Jlcy8xMmFiYyIsInVzZXIiOnsiaWQiOjIzNjksImVtYWlsIjoidGVzdEB0ZXN0LnRlc3QifSwib3duZXIiOnsiaWQiOjIzNjksImVtYWlsIjoidGVzdEB0ZXN0LnRlc3QifSwidXJsIjoiLyJ9.QRTvS1SVBEPrnBb2woA16sbFvNjb8b0vzwF17sVNYV4";
    private static final Instant EXP = Instant.ofEpochSecond(3622829127L);
    private static final String HOOKS = "/stores/12abc/v3/hooks";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final BigCommerceInstall install = install(List.of());

    private BigCommerceInstall install(List<String> requiredScopes) {
        Throttles throttles = new Throttles(clock, sleeper);
        RestClients clients = RestClients.of("BigCommerce", clock);
        return new BigCommerceInstall(
                new BigCommerceAppSettings(CLIENT, "123456abcdef",
                        URI.create("https://beckon.example/install/bigcommerce/auth"), requiredScopes),
                URI.create(LOGIN.baseUrl()), clients, throttles.of("login.bigcommerce.com"),
                new BigCommerceHooks(new BigCommerceClients(URI.create(API.baseUrl()), clients, throttles,
                        BoundedRetry.DEFAULT)),
                storeHash -> URI.create("https://beckon.example/webhooks/bigcommerce/shop-7"),
                clock);
    }

    private static Map<String, String> authCallback() {
        return Map.of("account_uuid", "a6b6b7b2-3b5e-4e0f-9b7c-000000000001", "code", "qr6h3thvbvag2ffq",
                "scope", "store_v2_orders_read_only store_v2_customers_read_only store_v2_marketing store_cart",
                "context", "stores/12abc");
    }

    private static void bigCommerceGrantsTheToken() {
        LOGIN.stubFor(post("/oauth2/token").willReturn(okJson("""
                {"access_token":"ACCESSTOKEN123","scope":"store_v2_orders_read_only store_v2_customers_read_only store_v2_marketing store_cart",
                 "user":{"id":24654,"username":"merchant@example.com","email":"merchant@example.com"},
                 "owner":{"id":24654,"username":"merchant@example.com","email":"merchant@example.com"},
                 "context":"stores/12abc","account_uuid":"a6b6b7b2-3b5e-4e0f-9b7c-000000000001"}""")));
    }

    @Test
    void authExchangesTheCodeAndCreatesTheWebhooks() {
        bigCommerceGrantsTheToken();
        API.stubFor(post(HOOKS).willReturn(okJson("""
                {"data":{"id":18048287,"client_id":"123456abcdef","store_hash":"12abc","scope":"store/order/created",
                 "destination":"https://beckon.example/webhooks/bigcommerce/shop-7","is_active":true},"meta":{}}""")));

        BigCommerceInstallation installed = install.auth(authCallback());

        assertThat(installed.storeHash()).isEqualTo("12abc");
        assertThat(installed.accessToken()).isEqualTo("ACCESSTOKEN123");
        assertThat(installed.userId()).isEqualTo("24654");
        assertThat(installed.userEmail()).isEqualTo("merchant@example.com");
        assertThat(installed.grantedScopes()).contains("store_v2_marketing");
        assertThat(installed.hooks()).extracting(HookCreator.Hook::scope)
                .containsExactlyElementsOf(BigCommerceHooks.SCOPES);
        assertThat(installed.hooks()).extracting(HookCreator.Hook::id).containsOnly("18048287");
        assertThat(installed.hookProblems()).isEmpty();
        assertThat(installed.toString()).doesNotContain("ACCESSTOKEN123");

        LOGIN.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")).withRequestBody(equalToJson("""
                {"client_id":"123456abcdef","client_secret":"123456abcdef","code":"qr6h3thvbvag2ffq",
                 "context":"stores/12abc",
                 "scope":"store_v2_orders_read_only store_v2_customers_read_only store_v2_marketing store_cart",
                 "grant_type":"authorization_code","redirect_uri":"https://beckon.example/install/bigcommerce/auth"}
                """)));
        API.verify(BigCommerceHooks.SCOPES.size(), postRequestedFor(urlEqualTo(HOOKS))
                .withHeader("X-Auth-Token", equalTo("ACCESSTOKEN123"))
                .withRequestBody(matchingJsonPath("$.destination",
                        equalTo("https://beckon.example/webhooks/bigcommerce/shop-7")))
                .withRequestBody(matchingJsonPath("$.is_active", equalTo("true"))));
        API.verify(1, postRequestedFor(urlEqualTo(HOOKS))
                .withRequestBody(matchingJsonPath("$.scope", equalTo("store/order/statusUpdated"))));
    }

    @Test
    void aTokenEndpointServerErrorIsTypedPlatformUnavailable() {
        LOGIN.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> install.auth(authCallback()))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_UNAVAILABLE));
        API.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedCodeIsTypedPlatformRejected() {
        LOGIN.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"Invalid client id or secret\"}")));

        assertThatThrownBy(() -> install.auth(authCallback()))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_REJECTED));
    }

    @Test
    void aTokenForAnotherStoreIsRefused() {
        LOGIN.stubFor(post("/oauth2/token").willReturn(okJson(
                "{\"access_token\":\"T\",\"scope\":\"store_cart\",\"context\":\"stores/other\"}")));

        assertThatThrownBy(() -> install.auth(authCallback()))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_REJECTED));
        API.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCallbackWithoutCodeOrWithABadContextIsMalformed() {
        assertThatThrownBy(() -> install.auth(Map.of("scope", "store_cart", "context", "stores/12abc")))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.MALFORMED));
        assertThatThrownBy(() -> install.auth(Map.of("code", "c", "scope", "store_cart",
                "context", "stores/../../evil")))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.MALFORMED));
        LOGIN.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aMissingRequiredScopeIsRefusedBeforeTheExchange() {
        BigCommerceInstall strict = install(List.of("store_v2_marketing", "store_v2_content"));

        assertThatThrownBy(() -> strict.auth(authCallback()))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InstallException.Kind.PLATFORM_REJECTED);
                    assertThat(e.getMessage()).contains("store_v2_content").doesNotContain("store_v2_marketing,");
                });
        LOGIN.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void loadAndUninstallNameTheStoreAndUser() {
        assertThat(install.load(VALID_JWT)).isEqualTo(new StoreSession("12abc", "2369", "test@test.test"));
        assertThat(install.uninstall(VALID_JWT)).isEqualTo(new StoreSession("12abc", "2369", "test@test.test"));
        assertThat(install.removeUser(VALID_JWT).userId()).isEqualTo("2369");
    }

    @Test
    void anExpiredJwtIsRefusedAsExpired() {
        clock.set(EXP.plusSeconds(61));

        assertThatThrownBy(() -> install.uninstall(VALID_JWT))
                .isInstanceOfSatisfying(InstallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InstallException.Kind.EXPIRED);
                    assertThat(e.kind().httpStatus()).isEqualTo(401);
                });
    }

    @Test
    void aTamperedOrMissingJwtIsUnauthenticated() {
        String tampered = VALID_JWT.replace(".QRTvS1", ".QRTvS2");

        assertThatThrownBy(() -> install.load(tampered))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.UNAUTHENTICATED));
        assertThatThrownBy(() -> install.uninstall(null))
                .isInstanceOfSatisfying(InstallException.class,
                        e -> assertThat(e.kind()).isEqualTo(InstallException.Kind.UNAUTHENTICATED));
    }
}
