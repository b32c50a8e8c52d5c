package dev.beckon.suite;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The install flows in a real Payara Micro, with one WireMock server standing in for every platform: Shopify's
 * token endpoint and GraphQL Admin API, BigCommerce's login and REST API, a WooCommerce store and a Saleor
 * instance. Walks each happy install to stored credentials (seen by name through the merchant API), and the
 * refusals: a tampered OAuth callback, a replayed state, a foreign shop domain, an expired signed JWT, WooCommerce
 * keys the store rejects.
 */
@ExtendWith(ArquillianExtension.class)
class InstallIT {

    static final int MQTT_PORT = SuiteClient.freePort();
    static final RSAKey SALEOR_KEY = rsa();
    static final WireMockServer PLATFORM = platform();
    static final String SHOPIFY_ID = "it-shopify-client-id";
    static final String SHOPIFY_SECRET = "shpss_install_it_client_secret";
    static final String BC_ID = "it-bigcommerce-client-id";
    static final String BC_SECRET = "it-bigcommerce-client-secret-0123456789";

    static final Pattern API_KEY = Pattern.compile("<code id=\"api-key\">([^<]+)</code>");
    static final Pattern SHOP_ID = Pattern.compile("Beckon shop id: <code>([^<]+)</code>");

    @ArquillianResource
    URL deployed;

    SuiteClient suite;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
        Path dataDir = Files.createTempDirectory("beckon-it-install");
        String config = String.join("\n",
                "config_ordinal=500",
                "beckon.data-dir=" + dataDir,
                "beckon.mqtt.port=" + MQTT_PORT,
                "beckon.engine.poll-interval=PT0.2S",
                "beckon.public-base-url=http://localhost:8080",
                "beckon.shopify.client-id=" + SHOPIFY_ID,
                "beckon.shopify.client-secret=" + SHOPIFY_SECRET,
                "beckon.shopify.admin-base-url=" + PLATFORM.baseUrl(),
                "beckon.bigcommerce.client-id=" + BC_ID,
                "beckon.bigcommerce.client-secret=" + BC_SECRET,
                "beckon.bigcommerce.login-url=" + PLATFORM.baseUrl(),
                "beckon.bigcommerce.api-url=" + PLATFORM.baseUrl(),
                "beckon.woocommerce.allow-http-stores=true",
                "beckon.saleor.allow-http-loopback=true");
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(config), "microprofile-config.properties"));
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.stop();
    }

    @BeforeEach
    void client() {
        suite = new SuiteClient(deployed);
    }

    // ---------------------------------------------------------------------------------------------- Shopify

    @Test
    void aShopifyInstallStoresTheTokenSubscribesWebhooksAndRefusesAReplay() throws Exception {
        String shop = "it-happy.myshopify.com";
        HttpResponse<String> start = suite.get("install/shopify?shop=" + shop, null);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.getHost()).isEqualTo(shop);
        assertThat(authorize.getPath()).isEqualTo("/admin/oauth/authorize");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("client_id", SHOPIFY_ID)
                .containsEntry("redirect_uri", "http://localhost:8080/install/shopify/callback");

        String callback = shopifyCallback(shop, "code-happy", asked.get("state"), null);
        HttpResponse<String> done = suite.get(callback, null);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(done.body()).contains("Beckon is installed on " + shop).doesNotContain("shpat_");
        String apiKey = group(API_KEY, done.body());
        String shopId = group(SHOP_ID, done.body());
        JsonObject installation = installation(shopId, apiKey);
        assertThat(installation.getString("platform")).isEqualTo("shopify");
        assertThat(installation.getString("domain")).isEqualTo(shop);
        assertThat(installation.getString("status")).isEqualTo("installed");
        assertThat(installation.getJsonArray("credentials").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("access_token", "scopes");
        PLATFORM.verify(1, postRequestedFor(urlEqualTo("/admin/oauth/access_token")).withRequestBody(equalToJson(
                "{\"client_id\":\"" + SHOPIFY_ID + "\",\"client_secret\":\"" + SHOPIFY_SECRET
                        + "\",\"code\":\"code-happy\"}")));
        PLATFORM.verify(10, postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_install_it_token"))
                .withRequestBody(matchingJsonPath("$.variables.webhookSubscription.callbackUrl",
                        equalTo("http://localhost:8080/webhooks/shopify/" + shopId))));

        HttpResponse<String> replayed = suite.get(callback, null);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(401);
        assertThat(replayed.body()).contains("already used");

        // the mandatory compliance webhook, app-wide: resolved by the shop's domain, verified with the client secret
        byte[] redact = ("{\"shop_id\":954889,\"shop_domain\":\"" + shop + "\",\"customer\":{\"id\":191167,"
                + "\"email\":\"john@example.com\",\"phone\":\"555-625-1199\"},\"orders_to_redact\":[299938]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> compliance = suite.post("webhooks/shopify/compliance", redact, "application/json",
                "X-Shopify-Topic", "customers/redact", "X-Shopify-Shop-Domain", shop,
                "X-Shopify-Webhook-Id", "compliance-it-1", "X-Shopify-Event-Id", "compliance-it-1",
                "X-Shopify-Hmac-Sha256", SuiteClient.base64HmacSha256(SHOPIFY_SECRET, redact));
        HttpResponse<String> forged = suite.post("webhooks/shopify/compliance", redact, "application/json",
                "X-Shopify-Topic", "customers/redact", "X-Shopify-Shop-Domain", shop,
                "X-Shopify-Hmac-Sha256", SuiteClient.base64HmacSha256("not-the-secret", redact));
        HttpResponse<String> unknownShopForged = suite.post("webhooks/shopify/compliance", redact,
                "application/json", "X-Shopify-Topic", "shop/redact", "X-Shopify-Shop-Domain",
                "never-installed.myshopify.com", "X-Shopify-Hmac-Sha256", "AAAA");
        assertThat(compliance.statusCode()).as(compliance.body()).isEqualTo(200);
        assertThat(SuiteClient.json(compliance.body()).getString("status")).isEqualTo("accepted");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(unknownShopForged.statusCode()).as(unknownShopForged.body()).isEqualTo(401);
    }

    @Test
    void aTamperedShopifyCallbackIsRefusedAndInstallsNothing() throws Exception {
        String shop = "it-tampered.myshopify.com";
        Map<String, String> asked = query(URI.create(suite.get("install/shopify?shop=" + shop, null).headers()
                .firstValue("Location").orElseThrow()));

        String tampered = shopifyCallback(shop, "code-tampered", asked.get("state"), "code-swapped");
        HttpResponse<String> refused = suite.get(tampered, null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("hmac").doesNotContain(SHOPIFY_SECRET);
        PLATFORM.verify(0, postRequestedFor(urlEqualTo("/admin/oauth/access_token"))
                .withRequestBody(matchingJsonPath("$.code", equalTo("code-swapped"))));
        // the untampered callback still works: the state was not consumed by the forgery
        HttpResponse<String> genuine = suite.get(shopifyCallback(shop, "code-tampered", asked.get("state"), null),
                null);
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
    }

    @Test
    void aForeignShopDomainIsRefused() throws Exception {
        HttpResponse<String> evil = suite.get("install/shopify?shop=evil.com", null);
        HttpResponse<String> lookalike = suite.get("install/shopify?shop=x.myshopify.com.evil.com", null);
        HttpResponse<String> evilCallback = suite.get(shopifyCallback("evil.com", "c", "s", null), null);

        assertThat(evil.statusCode()).as(evil.body()).isEqualTo(400);
        assertThat(evil.body()).contains("myshopify.com");
        assertThat(evil.headers().firstValue("Location")).isEmpty();
        assertThat(lookalike.statusCode()).isEqualTo(400);
        assertThat(evilCallback.statusCode()).isEqualTo(400);
    }

    @Test
    void adminCallsUseTheStoredTokenAndFaultToleranceRetriesAnUnavailablePlatform() throws Exception {
        String shop = "it-ft.myshopify.com";
        Map<String, String> asked = query(URI.create(suite.get("install/shopify?shop=" + shop, null).headers()
                .firstValue("Location").orElseThrow()));
        HttpResponse<String> done = suite.get(shopifyCallback(shop, "code-ft", asked.get("state"), null), null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        String apiKey = group(API_KEY, done.body());
        String shopId = group(SHOP_ID, done.body());
        // Shopify fails the first customer query with a 503: BoundedRetry does not retry that, Fault Tolerance does
        PLATFORM.stubFor(post("/admin/api/2025-10/graphql.json").atPriority(1)
                .withRequestBody(matchingJsonPath("$.query", containing("BeckonCustomer")))
                .inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error"))
                .willSetStateTo("recovered"));
        PLATFORM.stubFor(post("/admin/api/2025-10/graphql.json").atPriority(1)
                .withRequestBody(matchingJsonPath("$.query", containing("BeckonCustomer")))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("""
                        {"data":{"customer":{"id":"gid://shopify/Customer/207119551",
                         "defaultEmailAddress":{"emailAddress":"bob@example.com","marketingState":"SUBSCRIBED"},
                         "defaultPhoneNumber":null}}}""")));

        HttpResponse<String> contact = suite.get("api/shops/" + shopId + "/installation/customers/207119551", apiKey);

        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
        JsonObject json = SuiteClient.json(contact.body());
        assertThat(json.getString("email")).isEqualTo("bob@example.com");
        assertThat(json.getString("emailConsent")).isEqualTo("SUBSCRIBED");
        PLATFORM.verify(2, postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_install_it_token"))
                .withRequestBody(matchingJsonPath("$.query", containing("BeckonCustomer"))));

        // a platform that stays unavailable: a bounded number of attempts, then a clear 503
        PLATFORM.stubFor(post("/admin/api/2025-10/graphql.json").atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.id", containing("Customer/999")))
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
        HttpResponse<String> down = suite.get("api/shops/" + shopId + "/installation/customers/999", apiKey);
        int attempts = PLATFORM.findAll(postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json"))
                .withRequestBody(matchingJsonPath("$.variables.id", containing("Customer/999")))).size();
        // 1 + 2 retries of the client interface's @Retry, which Payara applies; no second layer multiplying them
        assertThat(attempts).isEqualTo(3);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void openingTheEmbeddedAppWithASessionTokenInstallsTheShopAndAnExpiredOneIsRefused() throws Exception {
        String shop = "it-embedded.myshopify.com";
        long now = Instant.now().getEpochSecond();
        String idToken = sessionToken("{\"iss\":\"https://" + shop + "/admin\",\"dest\":\"https://" + shop
                + "\",\"aud\":\"" + SHOPIFY_ID + "\",\"sub\":\"42\",\"exp\":" + (now + 60) + ",\"nbf\":"
                + (now - 5) + ",\"iat\":" + (now - 5) + ",\"jti\":\"it-embedded-1\",\"sid\":\"s\"}");
        String expired = sessionToken("{\"dest\":\"https://" + shop + "\",\"aud\":\"" + SHOPIFY_ID
                + "\",\"exp\":" + (now - 120) + "}");

        HttpResponse<String> opened = suite.get("install/shopify?shop=" + shop + "&embedded=1&id_token=" + idToken,
                null);
        HttpResponse<String> refused = suite.get("install/shopify?shop=" + shop + "&id_token=" + expired, null);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).contains("Beckon is installed on " + shop).doesNotContain("shpat_");
        PLATFORM.verify(1, postRequestedFor(urlEqualTo("/admin/oauth/access_token")).withRequestBody(
                matchingJsonPath("$.grant_type", equalTo("urn:ietf:params:oauth:grant-type:token-exchange")))
                .withRequestBody(matchingJsonPath("$.subject_token", equalTo(idToken))));
        JsonObject installation = installation(group(SHOP_ID, opened.body()), group(API_KEY, opened.body()));
        assertThat(installation.getString("status")).isEqualTo("installed");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("expired");
    }

    @Test
    void anOfferStepCreatesASingleUseCodeOnTheShopsPlatformAndTheMessageCarriesIt() throws Exception {
        String shop = "it-offer.myshopify.com";
        Map<String, String> asked = query(URI.create(suite.get("install/shopify?shop=" + shop, null).headers()
                .firstValue("Location").orElseThrow()));
        HttpResponse<String> done = suite.get(shopifyCallback(shop, "code-offer", asked.get("state"), null), null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        String apiKey = group(API_KEY, done.body());
        String shopId = group(SHOP_ID, done.body());
        PLATFORM.stubFor(post("/admin/api/2025-10/graphql.json").atPriority(1)
                .withRequestBody(matchingJsonPath("$.query", containing("BeckonDiscount")))
                .willReturn(okJson("""
                        {"data":{"discountCodeBasicCreate":{"codeDiscountNode":
                         {"id":"gid://shopify/DiscountCodeNode/1057371201"},"userErrors":[]}}}""")));
        // around the clock, and the journey's waits shortened to a second each
        assertThat(put("api/shops/" + shopId + "/settings", apiKey,
                "{\"quietHours\": {\"start\": \"00:00\", \"end\": \"00:00\"}}").statusCode()).isEqualTo(200);
        String journey = suite.get("api/shops/" + shopId + "/journeys/abandoned-checkout", apiKey).body()
                .replace("\"PT1H\"", "\"PT1S\"").replace("\"PT23H\"", "\"PT1S\"");
        HttpResponse<String> shortened = put("api/shops/" + shopId + "/journeys/abandoned-checkout", apiKey, journey);
        assertThat(shortened.statusCode()).as(shortened.body()).isEqualTo(200);

        byte[] checkout = """
                {"token":"offer-it-1","cart_token":"cart-offer-it-1","email":"ann@example.com",
                 "buyer_accepts_marketing":true,"created_at":"2026-11-23T09:00:00-05:00",
                 "updated_at":"2026-11-23T09:00:00-05:00","currency":"USD","completed_at":null,
                 "line_items":[{"key":"k1","product_id":632910392,"variant_id":808950810,"quantity":1,
                   "title":"IPod Nano - 8GB","price":"199.00","line_price":"199.00"}],
                 "abandoned_checkout_url":"https://it-offer.myshopify.com/checkouts/offer-it-1/recover?key=k",
                 "total_price":"199.00","subtotal_price":"199.00",
                 "customer":{"id":603851970716743426,"first_name":"Ann","email":"ann@example.com"}}"""
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> delivered = suite.post("webhooks/shopify/" + shopId, checkout, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Shop-Domain", shop,
                "X-Shopify-Event-Id", "offer-it-1", "X-Shopify-Hmac-Sha256",
                SuiteClient.base64HmacSha256(SHOPIFY_SECRET, checkout));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);

        JsonObject email = await().atMost(Duration.ofSeconds(30)).until(() -> SuiteClient.array(
                suite.get("api/shops/" + shopId + "/messages", apiKey).body()).getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("step", "").equals("email-reminder")).findFirst(), Optional::isPresent).get();
        List<LoggedRequest> created = PLATFORM.findAll(
                postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json"))
                        .withHeader("X-Shopify-Access-Token", equalTo("shpat_install_it_token"))
                        .withRequestBody(matchingJsonPath("$.query", containing("BeckonDiscount"))));
        assertThat(created).hasSize(1);
        JsonObject input = SuiteClient.json(created.get(0).getBodyAsString()).getJsonObject("variables")
                .getJsonObject("basicCodeDiscount");
        String code = input.getString("code");
        assertThat(code).matches("BECKON-[A-Z2-9]{8}");
        assertThat(input.getInt("usageLimit")).isEqualTo(1);
        assertThat(email.getString("body")).contains(code);
    }

    // ------------------------------------------------------------------------------------------ BigCommerce

    @Test
    void aBigCommerceStoreInstallsLoadsAndUninstalls() throws Exception {
        HttpResponse<String> auth = suite.get("install/bigcommerce/auth?code=bc-code-1&scope="
                + encode("store_v2_orders_read_only store_cart") + "&context=" + encode("stores/itbc1"), null);

        assertThat(auth.statusCode()).as(auth.body()).isEqualTo(200);
        assertThat(auth.body()).contains("Beckon is installed on store-itbc1.mybigcommerce.com");
        String apiKey = group(API_KEY, auth.body());
        String shopId = group(SHOP_ID, auth.body());
        JsonObject installation = installation(shopId, apiKey);
        assertThat(installation.getString("status")).isEqualTo("installed");
        assertThat(installation.getJsonArray("credentials").toString())
                .contains("access_token", "store_hash", "scopes").doesNotContain("BCTOKEN");
        PLATFORM.verify(postRequestedFor(urlEqualTo("/stores/itbc1/v3/hooks"))
                .withHeader("X-Auth-Token", equalTo("BCTOKEN-itbc1"))
                .withRequestBody(matchingJsonPath("$.destination",
                        equalTo("http://localhost:8080/webhooks/bigcommerce/" + shopId))));

        HttpResponse<String> load = suite.get("install/bigcommerce/load?signed_payload_jwt="
                + jwt("itbc1", Instant.now().plusSeconds(3600)), null);
        HttpResponse<String> expired = suite.get("install/bigcommerce/load?signed_payload_jwt="
                + jwt("itbc1", Instant.now().minusSeconds(600)), null);
        assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
        assertThat(load.body()).contains(shopId);
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(expired.body()).contains("expired");

        HttpResponse<String> expiredUninstall = suite.get("install/bigcommerce/uninstall?signed_payload_jwt="
                + jwt("itbc1", Instant.now().minusSeconds(600)), null);
        assertThat(expiredUninstall.statusCode()).isEqualTo(401);
        assertThat(installation(shopId, apiKey).getString("status")).isEqualTo("installed");

        HttpResponse<String> uninstall = suite.get("install/bigcommerce/uninstall?signed_payload_jwt="
                + jwt("itbc1", Instant.now().plusSeconds(3600)), null);
        assertThat(uninstall.statusCode()).as(uninstall.body()).isEqualTo(204);
        JsonObject after = installation(shopId, apiKey);
        assertThat(after.getString("status")).isEqualTo("uninstalled");
        assertThat(after.getJsonArray("credentials")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ WooCommerce

    @Test
    void wooCommerceKeysTheStoreAcceptsInstallAndKeysItRejectsAreNotTrusted() throws Exception {
        String domain = "localhost:" + PLATFORM.port();
        JsonObject good = suite.createShop("woocommerce", domain, "woo-initial-secret");
        JsonObject bad = suite.createShop("woocommerce", domain, "woo-initial-secret");

        HttpResponse<String> installed = wooCallback(good, "ck_" + "a".repeat(40), "cs_" + "b".repeat(40));
        HttpResponse<String> rejected = wooCallback(bad, "ck_" + "c".repeat(40), "cs_" + "d".repeat(40));

        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        JsonObject goodInstallation = installation(good.getString("id"), good.getString("apiKey"));
        assertThat(goodInstallation.getJsonArray("credentials").toString())
                .contains("consumer_key", "consumer_secret", "webhook_ids").doesNotContain("ck_aaaa");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(403);
        assertThat(rejected.body()).contains("does not accept the keys").doesNotContain("cs_dddd");
        assertThat(installation(bad.getString("id"), bad.getString("apiKey")).getJsonArray("credentials"))
                .isEmpty();

        // the shop's webhook secret is now the one Beckon gave the store's webhooks: a delivery signed with it lands
        String goodId = good.getString("id");
        List<JsonObject> created = PLATFORM.findAll(postRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks"))).stream()
                .map(request -> SuiteClient.json(request.getBodyAsString()))
                .filter(webhook -> webhook.getString("delivery_url").endsWith("/webhooks/woocommerce/" + goodId))
                .toList();
        assertThat(created).extracting(webhook -> webhook.getString("topic"))
                .containsExactlyInAnyOrder("order.created", "order.updated", "customer.created", "customer.updated");
        String secret = created.get(0).getString("secret");
        byte[] order = SuiteClient.resource("platforms/woocommerce-order-created.json");
        HttpResponse<String> delivered = suite.post("webhooks/woocommerce/" + goodId, order, "application/json",
                "X-WC-Webhook-Source", "http://" + domain + "/", "X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event", "created", "X-WC-Webhook-ID", "101",
                "X-WC-Webhook-Delivery-ID", "install-it-delivery-1",
                "X-WC-Webhook-Signature", SuiteClient.base64HmacSha256(secret, order));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(SuiteClient.json(delivered.body()).getString("status")).isEqualTo("accepted");

        HttpResponse<String> back = suite.get("install/woocommerce/" + good.getString("id") + "/return?success=1",
                null);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("Beckon is installed on");
    }

    // ----------------------------------------------------------------------------------------------- Saleor

    @Test
    void aSaleorDashboardReadsTheManifestAndRegisters() throws Exception {
        String origin = "http://localhost:" + PLATFORM.port();
        JsonObject shop = suite.createShop("saleor", origin, "saleor-unused-secret");
        String shopId = shop.getString("id");

        HttpResponse<String> manifest = suite.get("install/saleor/" + shopId + "/manifest", null);
        assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
        JsonObject json = SuiteClient.json(manifest.body());
        assertThat(json.getString("tokenTargetUrl"))
                .isEqualTo("http://localhost:8080/install/saleor/" + shopId + "/register");
        assertThat(json.getJsonArray("webhooks").getJsonObject(0).getString("targetUrl"))
                .isEqualTo("http://localhost:8080/webhooks/saleor/" + shopId);

        byte[] token = "{\"auth_token\":\"saleor-app-token-it\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> foreign = suite.post("install/saleor/" + shopId + "/register", token,
                "application/json", "saleor-api-url", "https://other-saleor.example.com/graphql/");
        HttpResponse<String> registered = suite.post("install/saleor/" + shopId + "/register", token,
                "application/json", "saleor-api-url", origin + "/graphql/", "saleor-domain", "localhost:"
                        + PLATFORM.port());

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(installation(shopId, shop.getString("apiKey")).getJsonArray("credentials").toString())
                .contains("auth_token", "api_url", "app_id").doesNotContain("saleor-app-token-it");
        PLATFORM.verify(postRequestedFor(urlEqualTo("/graphql/"))
                .withHeader("Authorization", equalTo("Bearer saleor-app-token-it")));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private HttpResponse<String> wooCallback(JsonObject shop, String consumerKey, String consumerSecret)
            throws Exception {
        String shopId = shop.getString("id");
        HttpResponse<String> started = suite.send(HttpRequest.newBuilder(
                        suite.url("api/shops/" + shopId + "/install/woocommerce"))
                .header("Authorization", "Bearer " + shop.getString("apiKey"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"storeUrl\":\"http://localhost:" + PLATFORM.port() + "\"}")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        URI authorize = URI.create(SuiteClient.json(started.body()).getString("authorizeUrl"));
        assertThat(authorize.getPath()).isEqualTo("/wc-auth/v1/authorize");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("callback_url",
                "http://localhost:8080/install/woocommerce/" + shopId + "/callback");
        String keys = "{\"key_id\":7,\"user_id\":\"" + asked.get("user_id") + "\",\"consumer_key\":\"" + consumerKey
                + "\",\"consumer_secret\":\"" + consumerSecret + "\",\"key_permissions\":\"read_write\"}";
        return suite.post("install/woocommerce/" + shopId + "/callback", keys.getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    /** A Shopify session token: HS256 under the app's client secret, as the admin issues it to an embedded app. */
    private static String sessionToken(String claims) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return input + "." + url.encodeToString(SuiteClient.hmacSha256(SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8),
                input.getBytes(StandardCharsets.US_ASCII)));
    }

    private HttpResponse<String> put(String path, String bearer, String json) throws Exception {
        return suite.send(HttpRequest.newBuilder(suite.url(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonObject installation(String shopId, String apiKey) throws Exception {
        HttpResponse<String> answer = suite.get("api/shops/" + shopId + "/installation", apiKey);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SuiteClient.json(answer.body());
    }

    /**
     * Shopify's redirect back, signed as Shopify signs it; {@code tamperedCode} replaces the code after signing.
     */
    private static String shopifyCallback(String shop, String code, String state, String tamperedCode)
            throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("code", code);
        params.put("host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvaXQ");
        params.put("shop", shop);
        params.put("state", state);
        params.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        String message = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String hmac = HexFormat.of().formatHex(SuiteClient.hmacSha256(
                SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> sent = new LinkedHashMap<>(params);
        if (tamperedCode != null) {
            sent.put("code", tamperedCode);
        }
        sent.put("hmac", hmac);
        return "install/shopify/callback?" + sent.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    /** BigCommerce's signed_payload_jwt: HS256 under the client secret, iss bc, aud the client id. */
    private static String jwt(String storeHash, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("bc")
                .audience(BC_ID)
                .subject("stores/" + storeHash)
                .issueTime(Date.from(expires.minusSeconds(3600)))
                .notBeforeTime(Date.from(expires.minusSeconds(3600)))
                .expirationTime(Date.from(expires))
                .claim("user", Map.of("id", 2369L, "email", "owner@example.com"))
                .claim("url", "/")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(BC_SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .forEach(pair -> query.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return query;
    }

    private static String group(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyID("saleor-install-it").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every platform's endpoints the install flows call, on one local server. */
    private static WireMockServer platform() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // Shopify: token exchange and webhookSubscriptionCreate
        server.stubFor(post("/admin/oauth/access_token").willReturn(okJson(
                "{\"access_token\":\"shpat_install_it_token\",\"scope\":\"read_orders,read_customers,write_discounts\"}")));
        server.stubFor(post("/admin/api/2025-10/graphql.json").willReturn(okJson("""
                {"data":{"webhookSubscriptionCreate":{"webhookSubscription":{"id":"gid://shopify/WebhookSubscription/1",
                 "topic":"ORDERS_CREATE"},"userErrors":[]}},
                 "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,"throttleStatus":
                 {"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}}""")));
        // BigCommerce: token and hooks
        server.stubFor(post("/oauth2/token").willReturn(okJson("""
                {"access_token":"BCTOKEN-itbc1","scope":"store_v2_orders_read_only store_cart",
                 "user":{"id":2369,"email":"owner@example.com"},"context":"stores/itbc1"}""")));
        server.stubFor(post("/stores/itbc1/v3/hooks").willReturn(okJson("{\"data\":{\"id\":18048287},\"meta\":{}}")));
        // WooCommerce: the keys of one approval are accepted, any other is refused as WordPress does
        server.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).atPriority(10).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is invalid.\"}")));
        server.stubFor(get(urlEqualTo("/wp-json/wc/v3/system_status")).atPriority(1)
                .withBasicAuth("ck_" + "a".repeat(40), "cs_" + "b".repeat(40))
                .willReturn(okJson("{\"environment\":{\"version\":\"9.4.2\"}}")));
        server.stubFor(post(urlEqualTo("/wp-json/wc/v3/webhooks")).atPriority(1)
                .withBasicAuth("ck_" + "a".repeat(40), "cs_" + "b".repeat(40))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":101}")));
        // Saleor: the app token check and the published keys
        server.stubFor(post("/graphql/").willReturn(okJson("{\"data\":{\"app\":{\"id\":\"QXBwOjE=\"}}}")));
        server.stubFor(get("/.well-known/jwks.json").willReturn(okJson(
                new JWKSet(List.of(SALEOR_KEY.toPublicJWK())).toString())));
        return server;
    }
}
