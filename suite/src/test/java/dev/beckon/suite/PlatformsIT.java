package dev.beckon.suite;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform flow in a real Payara Micro: each store platform's signed webhook, posted over HTTP, lands as a
 * canonical event the merchant sees; WooCommerce's unsigned ping is answered 200; an uninstall deletes the shop's
 * credentials. A JDK HTTP server stands in for a Saleor instance publishing its JWKS.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformsIT {

    static final int MQTT_PORT = SuiteClient.freePort();
    static final RSAKey SALEOR_KEY = rsa("saleor-it-key");
    static final HttpServer SALEOR = saleorInstance();

    @ArquillianResource
    URL deployed;

    SuiteClient suite;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
        Path dataDir = Files.createTempDirectory("beckon-it-platforms");
        String config = String.join("\n",
                "config_ordinal=500",
                "beckon.data-dir=" + dataDir,
                "beckon.mqtt.port=" + MQTT_PORT,
                "beckon.engine.poll-interval=PT0.2S");
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(config), "microprofile-config.properties"));
    }

    @AfterAll
    static void stopSaleor() {
        SALEOR.stop(0);
    }

    @BeforeEach
    void client() {
        suite = new SuiteClient(deployed);
    }

    @Test
    void aSignedShopifyOrderLandsWithItsExactIds() throws Exception {
        String secret = "shpss_platforms_it";
        JsonObject shop = suite.createShop("shopify", "platforms-it.myshopify.com", secret);
        byte[] body = SuiteClient.resource("platforms/shopify-orders-create.json");

        HttpResponse<String> answer = suite.post("webhooks/shopify/" + shop.getString("id"), body, "application/json",
                "X-Shopify-Topic", "orders/create", "X-Shopify-Shop-Domain", "platforms-it.myshopify.com",
                "X-Shopify-Event-Id", "7d5b0b2c-0001", "X-Shopify-Webhook-Id", "b54557e4-0001",
                "X-Shopify-Hmac-Sha256", SuiteClient.base64HmacSha256(secret, body));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(suite.events(shop)).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("OrderPlaced");
            assertThat(event.getString("source")).isEqualTo("shopify");
            // above 2^53: a JSON number in the body, exact as a string here
            assertThat(event.getJsonObject("payload").getJsonObject("order").getString("value"))
                    .isEqualTo("820982911946154508");
        });
    }

    @Test
    void aSignedWooCommerceOrderLandsAndItsPingIsAnswered() throws Exception {
        String secret = "woo-platforms-it-secret";
        JsonObject shop = suite.createShop("woocommerce", "woo-it.example.com", secret);
        String shopId = shop.getString("id");
        byte[] body = SuiteClient.resource("platforms/woocommerce-order-created.json");

        HttpResponse<String> ping = suite.post("webhooks/woocommerce/" + shopId,
                "webhook_id=42".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        HttpResponse<String> order = suite.post("webhooks/woocommerce/" + shopId, body, "application/json",
                "X-WC-Webhook-Source", "https://woo-it.example.com/", "X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event", "created", "X-WC-Webhook-ID", "42",
                "X-WC-Webhook-Delivery-ID", "039f3155b209b1c591c26f60004d889f",
                "X-WC-Webhook-Signature", SuiteClient.base64HmacSha256(secret, body));

        assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
        assertThat(SuiteClient.json(ping.body()).getString("status")).isEqualTo("ignored");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        List<JsonObject> events = suite.events(shop);
        assertThat(events).filteredOn(e -> e.getString("type").equals("OrderPlaced")).singleElement()
                .satisfies(event -> assertThat(event.getJsonObject("payload").getJsonObject("order").getString("value"))
                        .isEqualTo("727"));
        // the ping is kept, so the merchant sees the store reached Beckon
        assertThat(events).filteredOn(e -> e.getString("state").equals("ping")).singleElement()
                .satisfies(kept -> assertThat(kept.getString("error")).contains("webhook 42"));
    }

    @Test
    void aSignedBigCommerceOrderLands() throws Exception {
        String clientSecret = "bc-platforms-it-client-secret";
        JsonObject shop = suite.createShop("bigcommerce", "store-abc123.mybigcommerce.com", clientSecret);
        byte[] body = SuiteClient.resource("platforms/bigcommerce-order-created.json");
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] signed = SuiteClient.hmacSha256(clientSecret.getBytes(StandardCharsets.UTF_8),
                (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = suite.post("webhooks/bigcommerce/" + shop.getString("id"), body,
                "application/json", "webhook-id", id, "webhook-timestamp", timestamp,
                "webhook-signature", "v1," + Base64.getEncoder().encodeToString(signed));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(suite.events(shop)).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("OrderPlaced");
            assertThat(event.getString("source")).isEqualTo("bigcommerce");
            assertThat(event.getJsonObject("payload").getJsonObject("order").getString("value")).isEqualTo("250");
        });
    }

    @Test
    void aSaleorDeliverySignedWithTheInstancesPublishedKeyLands() throws Exception {
        String origin = "http://127.0.0.1:" + SALEOR.getAddress().getPort();
        JsonObject shop = suite.createShop("saleor", origin, "saleor-legacy-secret");
        byte[] body = SuiteClient.resource("platforms/saleor-order-created.json");
        String apiUrl = origin + "/graphql/";

        HttpResponse<String> signed = suite.post("webhooks/saleor/" + shop.getString("id"), body, "application/json",
                "Saleor-Event", "order_created", "Saleor-Api-Url", apiUrl,
                "Saleor-Signature", jws(body, SALEOR_KEY, apiUrl));
        HttpResponse<String> rogue = suite.post("webhooks/saleor/" + shop.getString("id"), body, "application/json",
                "Saleor-Event", "order_created", "Saleor-Api-Url", apiUrl,
                "Saleor-Signature", jws(body, rsa(SALEOR_KEY.getKeyID()), apiUrl));
        HttpResponse<String> legacy = suite.post("webhooks/saleor/" + shop.getString("id"), body, "application/json",
                "Saleor-Event", "order_created", "Saleor-Signature", HexFormat.of().formatHex(
                        SuiteClient.hmacSha256("saleor-legacy-secret".getBytes(StandardCharsets.UTF_8), body)));

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(rogue.statusCode()).as(rogue.body()).isEqualTo(401);
        assertThat(rogue.body()).doesNotContain("Exception");
        assertThat(legacy.statusCode()).as(legacy.body()).isEqualTo(200);
        assertThat(suite.events(shop)).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("OrderPlaced");
            assertThat(event.getString("source")).isEqualTo("saleor");
        });
    }

    @Test
    void aHeadlessStoreDeliversThroughStandardWebhooks() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        JsonObject shop = suite.createShop("standard-webhooks", "headless-it.example.com", secret);
        byte[] body = """
                {"type":"checkout.updated","data":{"checkout_id":"cart_01HQ8Z6K3V9W2N4B7C5D1E0F2G",
                 "shopper":{"first_name":"Ada","phone":"+4915112345678","consents":[{"channel":"sms",
                 "purpose":"marketing","state":"subscribed","source":"medusa:checkout"}]},
                 "recovery_url":"https://headless-it.example.com/checkout?cart_id=cart_01HQ8Z6K3V9W2N4B7C5D1E0F2G",
                 "updated_at":"2026-11-23T10:00:00Z"}}""".getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] mac = SuiteClient.hmacSha256(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac);

        HttpResponse<String> delivered = suite.post("webhooks/standard-webhooks/" + shop.getString("id"), body,
                "application/json", "webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        HttpResponse<String> stale = suite.post("webhooks/standard-webhooks/" + shop.getString("id"), body,
                "application/json", "webhook-id", id, "webhook-timestamp", "1614265330",
                "webhook-signature", signature);

        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(suite.events(shop)).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("CheckoutUpdated");
            assertThat(event.getString("source")).isEqualTo("standard-webhooks");
            assertThat(event.getString("dedupKey")).isEqualTo(id);
            assertThat(event.getJsonObject("payload").getJsonObject("checkout").getString("value"))
                    .isEqualTo("cart_01HQ8Z6K3V9W2N4B7C5D1E0F2G");
        });
    }

    @Test
    void anUninstallMarksTheShopAndStillVerifiesItsLaterGdprDeliveries() throws Exception {
        String secret = "shpss_uninstall_it";
        JsonObject shop = suite.createShop("shopify", "leaving-it.myshopify.com", secret);
        String shopId = shop.getString("id");
        byte[] body = SuiteClient.resource("platforms/shopify-app-uninstalled.json");

        HttpResponse<String> uninstalled = suite.post("webhooks/shopify/" + shopId, body, "application/json",
                "X-Shopify-Topic", "app/uninstalled", "X-Shopify-Shop-Domain", "leaving-it.myshopify.com",
                "X-Shopify-Event-Id", "uninstall-0001", "X-Shopify-Hmac-Sha256",
                SuiteClient.base64HmacSha256(secret, body));

        assertThat(uninstalled.statusCode()).as(uninstalled.body()).isEqualTo(200);
        HttpResponse<String> view = suite.get("api/shops/" + shopId, SuiteClient.OPERATOR);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(SuiteClient.json(view.body()).getString("status")).isEqualTo("uninstalled");
        assertThat(suite.events(shop)).extracting(e -> e.getString("type")).containsExactly("AppUninstalled");
    }

    @Test
    void aCustomersRedactErasesTheShoppersTrailAndKeepsTheRequest() throws Exception {
        String secret = "shpss_redact_it";
        JsonObject shop = suite.createShop("shopify", "redact-it.myshopify.com", secret);
        String shopId = shop.getString("id");
        String apiKey = shop.getString("apiKey");
        byte[] order = SuiteClient.resource("platforms/shopify-orders-create.json");
        assertThat(suite.post("webhooks/shopify/" + shopId, order, "application/json", "X-Shopify-Topic",
                "orders/create", "X-Shopify-Event-Id", "redact-order-1", "X-Shopify-Hmac-Sha256",
                SuiteClient.base64HmacSha256(secret, order)).statusCode()).isEqualTo(200);
        String timeline = "api/shops/" + shopId + "/shoppers/115310627314723954/timeline";
        await().atMost(Duration.ofSeconds(20)).until(() -> !SuiteClient.array(suite.get(timeline, apiKey).body())
                .isEmpty());

        byte[] redact = ("{\"shop_id\":954889,\"shop_domain\":\"redact-it.myshopify.com\",\"customer\":"
                + "{\"id\":115310627314723954,\"email\":\"jon@example.com\",\"phone\":null},"
                + "\"orders_to_redact\":[820982911946154508]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = suite.post("webhooks/shopify/" + shopId, redact, "application/json",
                "X-Shopify-Topic", "customers/redact", "X-Shopify-Event-Id", "redact-1", "X-Shopify-Hmac-Sha256",
                SuiteClient.base64HmacSha256(secret, redact));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> SuiteClient.array(suite.get(timeline, apiKey).body())
                .isEmpty());
        assertThat(suite.events(shop)).extracting(e -> e.getString("type")).containsExactly("DataErasureRequested");
    }

    @Test
    void aStorefrontPageReportsWhatNoPlatformSends() throws Exception {
        JsonObject shop = suite.createShop("shopify", "collector-it.myshopify.com", "shpss_collector_it");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        String storefrontOrigin = "https://www.collector-it.example.com";

        HttpResponse<String> setUp = suite.get("api/shops/" + shopId + "/storefront", key);
        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(200);
        JsonObject storefront = SuiteClient.json(setUp.body());
        String publicKey = storefront.getString("publicKey");
        assertThat(publicKey).startsWith("pk_");
        assertThat(storefront.getJsonArray("origins").getString(0)).isEqualTo("https://collector-it.myshopify.com");
        assertThat(storefront.getString("scriptTag")).contains("data-key=\"" + publicKey + "\"");
        HttpResponse<String> origins = suite.send(java.net.http.HttpRequest.newBuilder(
                        suite.url("api/shops/" + shopId + "/storefront"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"origins\": [\"https://collector-it.myshopify.com\", \"" + storefrontOrigin + "\"]}")));
        assertThat(origins.statusCode()).as(origins.body()).isEqualTo(200);
        HttpResponse<String> wildcard = suite.send(java.net.http.HttpRequest.newBuilder(
                        suite.url("api/shops/" + shopId + "/storefront"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"origins\": [\"https://*.example.com\"]}")));
        assertThat(wildcard.statusCode()).isEqualTo(400);

        HttpResponse<String> script = suite.get("collect/beckon-collect.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        HttpResponse<String> preflight = suite.send(java.net.http.HttpRequest.newBuilder(suite.url("collect/" + shopId))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", storefrontOrigin).header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(storefrontOrigin);

        byte[] viewed = ("{\"type\":\"product_viewed\",\"visitorId\":\"visitor-it-0001\","
                + "\"productId\":\"632910392\",\"eventId\":\"e1\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> beacon = suite.post("collect/" + shopId + "?key=" + publicKey, viewed,
                "text/plain;charset=UTF-8", "Origin", storefrontOrigin);
        HttpResponse<String> foreign = suite.post("collect/" + shopId + "?key=" + publicKey, viewed,
                "text/plain;charset=UTF-8", "Origin", "https://evil.com");
        HttpResponse<String> wrongKey = suite.post("collect/" + shopId + "?key=pk_wrong", viewed,
                "text/plain;charset=UTF-8", "Origin", storefrontOrigin);

        assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(202);
        assertThat(beacon.headers().firstValue("Access-Control-Allow-Origin")).contains(storefrontOrigin);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(suite.events(shop)).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("ProductViewed");
            assertThat(event.getJsonObject("payload").getJsonObject("product").getString("value"))
                    .isEqualTo("632910392");
        });

        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 40 && limited == 0; i++) {
            byte[] added = ("{\"type\":\"added_to_cart\",\"visitorId\":\"visitor-it-0002\",\"productId\":\"p-" + i
                    + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = suite.post("collect/" + shopId + "?key=" + publicKey, added,
                    "application/json", "Origin", storefrontOrigin);
            if (answer.statusCode() == 429) {
                limited++;
                retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            }
        }
        assertThat(limited).as("one visitor posting 40 events at once is slowed down").isEqualTo(1);
        assertThat(retryAfter).isNotBlank();
    }

    private static String jws(byte[] body, RSAKey key, String issuer) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).base64URLEncodePayload(false)
                .criticalParams(Set.of("b64")).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .customParam("iss", issuer).build(), new Payload(body));
        jws.sign(new RSASSASigner(key));
        return jws.serialize(true);
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Saleor instance as far as webhooks need one: its JWKS at the well-known path. */
    private static HttpServer saleorInstance() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(List.of(SALEOR_KEY.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
