package dev.beckon.adapters.woocommerce.install;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.beckon.adapters.woocommerce.install.WooInstallException.Reason;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST key install against WireMock standing in for a WooCommerce store. */
class WooInstallTest {

    @RegisterExtension
    static final WireMockExtension STORE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final ShopId SHOP = ShopId.of("shop-42");
    private static final String CK = "ck_0123456789abcdef0123456789abcdef01234567";
    private static final String CS = "cs_89abcdef0123456789abcdef0123456789abcdef";
    /** A trimmed {@code GET /wp-json/wc/v3/system_status} answer of a real store's shape. */
    private static final String SYSTEM_STATUS = """
            {"environment":{"home_url":"https://shop.example.com","site_url":"https://shop.example.com",
             "version":"9.4.1","wp_version":"6.7.1"},"database":{"wc_database_version":"9.4.1"},
             "active_plugins":[],"settings":{"api_enabled":true}}""";
    private static final String BAD_KEY = """
            {"code":"woocommerce_rest_authentication_error","message":"Consumer key is invalid.","data":{"status":401}}""";
    private static final String CANNOT_VIEW = """
            {"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryPendingInstalls pending = new InMemoryPendingInstalls(100);
    private final WooInstall install = new WooInstall(
            new WooInstallSettings(URI.create("https://beckon.example.com/"), Duration.ofMinutes(30), true),
            new HttpWooStoreApi(), pending, clock, new SecureRandom());

    private String storeUrl;

    @BeforeEach
    void store() {
        storeUrl = "http://localhost:" + STORE.getPort();
    }

    @Test
    void theAuthorizeLinkCarriesEveryParameterEncodedAndAFreshUserId() throws Exception {
        URI link = start();

        assertThat(link.getPath()).isEqualTo("/wc-auth/v1/authorize");
        assertThat(link.toString()).startsWith(storeUrl + "/wc-auth/v1/authorize?");
        Map<String, String> query = query(link);
        assertThat(query).containsEntry("app_name", "Beckon Engage")
                .containsEntry("scope", "read_write")
                .containsEntry("return_url", "https://beckon.example.com/admin/shops/shop-42?step=done")
                .containsEntry("callback_url", "https://beckon.example.com/install/woocommerce/shop-42/callback");
        assertThat(query.get("user_id")).matches("[0-9a-f]{40}");
        assertThat(query(start()).get("user_id")).isNotEqualTo(query.get("user_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example.com", "https://admin:pw@shop.example.com",
            "https://shop.example.com/#top", "ftp://shop.example.com", "https://shop.example.com/?p=1", "", "https://",
            "https://192.168.1.10", "https://169.254.169.254", "https://10.1.2.3:8443"})
    void unusableStoreUrlsAreRefusedWithAReason(String url) {
        assertThatThrownBy(() -> install.authorizeUrl(url, "Beckon", SHOP, URI.create("https://beckon.example.com/x"),
                URI.create("https://beckon.example.com/cb")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_URL);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("The store URL ");
                });
    }

    @Test
    void storeUrlsAreNormalisedAndLoopbackHttpNeedsTheTestSwitch() throws Exception {
        assertThat(StoreUrl.parse("Shop.Example.COM/", false).toString()).isEqualTo("https://shop.example.com");
        assertThat(StoreUrl.parse("HTTPS://shop.example.com:443/wp//", false).toString())
                .isEqualTo("https://shop.example.com/wp");
        assertThat(StoreUrl.parse("https://shop.example.com:8443", false).authority())
                .isEqualTo("shop.example.com:8443");
        assertThat(StoreUrl.parse("http://127.0.0.1:8080", true).toString()).isEqualTo("http://127.0.0.1:8080");
        assertThatThrownBy(() -> StoreUrl.parse("http://localhost:8080", false))
                .hasMessageContaining("must use https://");
        assertThatThrownBy(() -> StoreUrl.parse("https://localhost", false))
                .hasMessage("The store URL points to a private or loopback address; give the store's public address.");
        assertThatThrownBy(() -> StoreUrl.parse("https://[::1]:8443", false))
                .hasMessageContaining("private or loopback address");
    }

    @Test
    void anHttpCallbackUrlIsRefusedBecauseWooCommerceRequiresSsl() {
        assertThatThrownBy(() -> install.authorizeUrl("https://shop.example.com", "Beckon", SHOP,
                URI.create("https://beckon.example.com/x"), URI.create("http://beckon.example.com/cb")))
                .isInstanceOf(WooInstallException.class)
                .hasMessage("The callback URL must use https://; WooCommerce only accepts REST keys over HTTPS.");
    }

    @Test
    void goodKeysAreTestedThenTheWebhooksAreCreatedWithOneGeneratedSecret() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).willReturn(okJson(SYSTEM_STATUS)));
        stubWebhooksCreated();

        WooInstallation installation = install.complete(SHOP, callback(userId, "read_write"));

        assertThat(installation.shop()).isEqualTo(SHOP);
        assertThat(installation.store().toString()).isEqualTo(storeUrl);
        assertThat(installation.keys()).isEqualTo(new WooKeys("1", CK, CS, "read_write"));
        assertThat(installation.auth()).isEqualTo(WooAuth.BASIC);
        assertThat(installation.storeVersion()).isEqualTo("9.4.1");
        assertThat(installation.webhooks()).containsExactly(new WooWebhook("101", "order.created"),
                new WooWebhook("102", "order.updated"), new WooWebhook("103", "customer.created"),
                new WooWebhook("104", "customer.updated"));
        assertThat(installation.webhookSecret()).matches("[A-Za-z0-9]{40}");
        assertThat(installation.toString()).doesNotContain(CS, CK, installation.webhookSecret());

        STORE.verify(getRequestedFor(urlEqualTo("/wp-json/wc/v3/system_status"))
                .withBasicAuth(new BasicCredentials(CK, CS)));
        STORE.verify(4, postRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks"))
                .withBasicAuth(new BasicCredentials(CK, CS))
                .withRequestBody(matchingJsonPath("$.delivery_url",
                        equalTo("https://beckon.example.com/webhooks/woocommerce/shop-42")))
                .withRequestBody(matchingJsonPath("$.secret", equalTo(installation.webhookSecret())))
                .withRequestBody(matchingJsonPath("$.status", equalTo("active"))));
        STORE.verify(postRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks"))
                .withRequestBody(matchingJsonPath("$.topic", equalTo("order.updated")))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Beckon order.updated"))));
    }

    @Test
    void keysTheStoreRejectsAreNotTrustedAndNoWebhookIsCreated() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(BAD_KEY)));

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KEYS_REJECTED);
                    assertThat(e.getMessage()).contains("does not accept the keys it just issued (HTTP 401)")
                            .doesNotContain(CS);
                });
        STORE.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/system_status")));
        STORE.verify(0, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks")));
    }

    @Test
    void whenTheServerStripsAuthorizationTheKeysGoAsQueryParametersAndThatIsRemembered() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status")).withQueryParam("consumer_key", absent())
                .willReturn(aResponse().withStatus(401).withBody(CANNOT_VIEW)));
        STORE.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                .withQueryParam("consumer_key", equalTo(CK)).withQueryParam("consumer_secret", equalTo(CS))
                .willReturn(okJson(SYSTEM_STATUS)));
        stubWebhooksCreated();

        WooInstallation installation = install.complete(SHOP, callback(userId, "read_write"));

        assertThat(installation.auth()).isEqualTo(WooAuth.QUERY_STRING);
        STORE.verify(4, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .withQueryParam("consumer_key", equalTo(CK)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "write"})
    void keysWithoutReadWriteAreRefusedBeforeAnyCall(String permissions) throws Exception {
        String userId = query(start()).get("user_id");

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, permissions)))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_PERMISSIONS);
                    assertThat(e.getMessage()).startsWith("The keys were granted '" + permissions + "' access;");
                });
        assertThat(STORE.getAllServeEvents()).isEmpty();
    }

    @Test
    void aCallbackWithAnotherUserIdIsRefusedAndTheRealOneStillCompletes() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).willReturn(okJson(SYSTEM_STATUS)));
        stubWebhooksCreated();

        assertThatThrownBy(() -> install.complete(SHOP, callback("123", "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.USER_MISMATCH));
        assertThat(STORE.getAllServeEvents()).isEmpty();

        assertThat(install.complete(SHOP, callback(userId, "read_write")).webhooks()).hasSize(4);
        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_INSTALL));
    }

    @Test
    void aCallbackAfterTheApprovalWindowIsRefused() throws Exception {
        String userId = query(start()).get("user_id");
        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_INSTALL);
                    assertThat(e.getMessage()).contains("expired");
                });
    }

    @Test
    void anUnreachableStoreIsReportedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        install.authorizeUrl("http://127.0.0.1:" + closedPort, "Beckon", SHOP,
                URI.create("https://beckon.example.com/x"), URI.create("https://beckon.example.com/cb"));
        String userId = pending.find(SHOP).orElseThrow().userId();

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STORE_UNREACHABLE);
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).startsWith("The store 127.0.0.1:" + closedPort + " could not be reached");
                });
    }

    @Test
    void aStoreThatAnswersSomethingElseThanWooCommerceIsNotTrusted() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome</body></html>")));

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STORE_ERROR);
                    assertThat(e.getMessage()).contains("did not answer like the WooCommerce REST API");
                });
    }

    @Test
    void aRedirectIsNotFollowedAndTheMerchantIsToldWhere() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://www.shop.example.com/wp-json/wc/v3/system_status")));

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STORE_ERROR);
                    assertThat(e.getMessage()).contains("redirected to https://www.shop.example.com/");
                });
    }

    @Test
    void whenAWebhookCannotBeCreatedTheOnesAlreadyCreatedAreDeleted() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).willReturn(okJson(SYSTEM_STATUS)));
        stubWebhook("order.created", 101);
        stubWebhook("order.updated", 102);
        STORE.stubFor(post(urlEqualTo("/wp-json/wc/v3/webhooks"))
                .withRequestBody(matchingJsonPath("$.topic", equalTo("customer.created")))
                .willReturn(aResponse().withStatus(500)));
        STORE.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/webhooks/101")).willReturn(okJson("{\"id\":101}")));
        STORE.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/webhooks/102")).willReturn(okJson("{\"id\":102}")));

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WEBHOOK_FAILED);
                    assertThat(e.getMessage()).contains("could not create the customer.created webhook (HTTP 500)");
                });
        STORE.verify(deleteRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks/101?force=true")));
        STORE.verify(deleteRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks/102?force=true")));
    }

    @Test
    void uninstallDeletesTheWebhooksAndReportsTheOnesLeft() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).willReturn(okJson(SYSTEM_STATUS)));
        stubWebhooksCreated();
        WooInstallation installation = install.complete(SHOP, callback(userId, "read_write"));
        STORE.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/webhooks/101")).willReturn(okJson("{}")));
        STORE.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/webhooks/102")).willReturn(aResponse().withStatus(404)));
        STORE.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/webhooks/103")).willReturn(aResponse().withStatus(500)));
        STORE.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/webhooks/104")).willReturn(okJson("{}")));

        assertThat(install.removeWebhooks(installation)).containsExactly("103");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1]", "{\"user_id\":\"u\"}",
            "{\"key_id\":1,\"user_id\":\"u\",\"consumer_key\":\"ak_123\",\"consumer_secret\":\"cs_0123456789abcdef\","
                    + "\"key_permissions\":\"read_write\"}",
            "{\"key_id\":1,\"user_id\":\"u\",\"consumer_key\":\"ck_0123456789abcdef\",\"consumer_secret\":\"cs_0123456789abcdef\","
                    + "\"key_permissions\":\"admin\"}",
            "{\"key_id\":\"1; drop\",\"user_id\":\"u\",\"consumer_key\":\"ck_0123456789abcdef\","
                    + "\"consumer_secret\":\"cs_0123456789abcdef\",\"key_permissions\":\"read\"}"})
    void malformedCallbackBodiesAreRefusedAndLeaveTheInstallPending(String body) throws Exception {
        start();

        assertThatThrownBy(() -> install.complete(SHOP, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_CALLBACK);
                    assertThat(e.getMessage()).startsWith("The key callback is not what WooCommerce sends: body ");
                });
        assertThat(pending.find(SHOP)).isPresent();
    }

    @Test
    void deeplyNestedCallbackJsonIsATypedRefusal() throws Exception {
        start();
        byte[] nested = ("{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> install.complete(SHOP, nested))
                .isInstanceOfSatisfying(WooInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CALLBACK));
    }

    @Test
    void aStoreAnsweringDeeplyNestedJsonIsAStoreErrorNotACrash() throws Exception {
        String userId = query(start()).get("user_id");
        STORE.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status"))
                .willReturn(okJson("{\"environment\":" + "[".repeat(3000) + "]".repeat(3000) + "}")));

        assertThatThrownBy(() -> install.complete(SHOP, callback(userId, "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.STORE_ERROR));
    }

    @Test
    void aCallbackForAShopWithoutAPendingInstallIsRefused() {
        assertThatThrownBy(() -> install.complete(ShopId.of("other"), callback("1", "read_write")))
                .isInstanceOfSatisfying(WooInstallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_INSTALL);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    private URI start() throws WooInstallException {
        return install.authorizeUrl(storeUrl, "Beckon Engage", SHOP,
                URI.create("https://beckon.example.com/admin/shops/shop-42?step=done"),
                URI.create("https://beckon.example.com/install/woocommerce/shop-42/callback"));
    }

    /** The documented callback body (knowledge file 9.2), with this install's user id and real-length keys. */
    private static byte[] callback(String userId, String permissions) {
        return ("{\"key_id\":1,\"user_id\":\"" + userId + "\",\"consumer_key\":\"" + CK + "\",\"consumer_secret\":\""
                + CS + "\",\"key_permissions\":\"" + permissions + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void stubWebhooksCreated() {
        stubWebhook("order.created", 101);
        stubWebhook("order.updated", 102);
        stubWebhook("customer.created", 103);
        stubWebhook("customer.updated", 104);
    }

    private static void stubWebhook(String topic, int id) {
        STORE.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .withRequestBody(matchingJsonPath("$.topic", equalTo(topic)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":" + id + ",\"name\":\"Beckon " + topic + "\",\"status\":\"active\",\"topic\":\""
                                + topic + "\"}")));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

}
