package dev.beckon.suite;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first slice end to end in a real Payara Micro: a merchant registers a shop, Shopify delivers signed checkout
 * and order webhooks, and the shopper who abandoned her checkout gets one SMS through a Twilio-speaking provider,
 * while the checkout that became an order gets none. The abandoned-checkout delay (2 s) and the operator token
 * come from environment variables set by failsafe, so MicroProfile Config's environment mapping is proven too.
 */
@ExtendWith(ArquillianExtension.class)
class AbandonedCheckoutSliceIT {

    static final String OPERATOR = "it-operator-token-0123456789";
    static final String SECRET = "shpss_it_webhook_secret";
    static final String PHONE_A = "+14155550100";
    static final String PHONE_B = "+14155550199";

    static final TwilioStandIn TWILIO = new TwilioStandIn();
    static final GreenMail SMTP = startSmtp();
    static final int MQTT_PORT = freePort();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
        Path dataDir = Files.createTempDirectory("beckon-it-data");
        String config = String.join("\n",
                "config_ordinal=500",
                "beckon.data-dir=" + dataDir,
                "beckon.mqtt.port=" + MQTT_PORT,
                "beckon.gateway.mqtt.password=it-suite-mqtt-password-0123456789",
                "beckon.engine.poll-interval=PT0.2S",
                "beckon.sms.base-url=" + TWILIO.baseUrl(),
                "beckon.sms.account-sid=ACit0000000000000000000000000000",
                "beckon.sms.auth-token=it-auth-token",
                "beckon.sms.from=+15005550006",
                "beckon.email.smtp.host=127.0.0.1",
                "beckon.email.smtp.port=" + SMTP.getSmtp().getPort(),
                "beckon.email.smtp.security=none",
                "beckon.email.smtp.from=Beckon IT <shop@beckon.test>");
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(config), "microprofile-config.properties"));
    }

    @AfterAll
    static void stopProviders() {
        TWILIO.close();
        SMTP.stop();
    }

    @Test
    void anAbandonedCartEmailCarriesAOneClickUnsubscribeThatWithdrawsTheConsent() throws Exception {
        JsonObject shop = createShop("mail.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        assertThat(put("api/shops/" + shopId + "/settings", key,
                "{\"quietHours\": {\"start\": \"00:00\", \"end\": \"00:00\"}}").statusCode()).isEqualTo(200);
        // the merchant shortens the journey's waits, and lets a shopper back in after a second
        String journeyPath = "api/shops/" + shopId + "/journeys/abandoned-checkout";
        JsonObject journey = json(get(journeyPath, key).body());
        JsonArrayBuilder steps = Json.createArrayBuilder();
        journey.getJsonArray("steps").getValuesAs(JsonObject.class).forEach(step -> steps.add(
                "wait".equals(step.getString("type")) ? Json.createObjectBuilder(step).add("duration", "PT1S")
                        : Json.createObjectBuilder(step)));
        HttpResponse<String> shortened = put(journeyPath, key, Json.createObjectBuilder(journey).add("steps", steps)
                .add("reEntryCooldown", "PT1S").build().toString());
        assertThat(shortened.statusCode()).as(shortened.body()).isEqualTo(200);

        assertThat(webhook(shopId, "checkouts/create", "mail-event-1", mailCheckout("mail-1")).statusCode())
                .isEqualTo(200);

        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> received("cleo@example.com"),
                list -> list.size() == 1).get(0);
        assertThat(mail.getSubject()).startsWith("Cleo, your cart is waiting");
        assertThat(mail.getFrom()[0]).hasToString("Beckon IT <shop@beckon.test>");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Hi Cleo")
                .containsPattern("Complete your order: http://localhost:8080/r/[A-Za-z0-9]{10}\\b");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("<p>Hi Cleo,</p>").contains("IPod Nano - 8GB").doesNotContain("recover?key");
        Matcher button = Pattern.compile("href=\"http://localhost:8080/r/([A-Za-z0-9]{10})\">Complete your order")
                .matcher(html);
        assertThat(button.find()).as(html).isTrue();
        assertThat(get("r/" + button.group(1), null).headers().firstValue("Location"))
                .hasValue("https://mail.myshopify.com/checkouts/mail-1/recover?key=secret");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher link = Pattern.compile("^<http://localhost:8080/u/([A-Za-z0-9_-]{22})>$")
                .matcher(mail.getHeader("List-Unsubscribe", null));
        assertThat(link.matches()).as(mail.getHeader("List-Unsubscribe", null)).isTrue();
        String token = link.group(1);
        JsonObject sent = messages(shopId, key).stream().filter(m -> "email".equals(m.getString("channel")))
                .findFirst().orElseThrow();
        assertThat(sent.getString("state")).isEqualTo("sent");
        assertThat(sent.getString("to")).isEqualTo("cleo@example.com");
        assertThat(sent.getString("providerMessageId")).isEqualTo(mail.getMessageID());

        // a link scanner's GET only sees a button; the mail client's one-click POST unsubscribes
        HttpResponse<String> page = get("u/" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<form method=\"post\">").contains("Unsubscribe");
        HttpResponse<String> oneClick = post("u/" + token,
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(get("u/" + token, null).body()).contains("You are unsubscribed").doesNotContain("<form");
        HttpResponse<String> unknown = post("u/AAAAAAAAAAAAAAAAAAAAAA", new byte[0],
                "application/x-www-form-urlencoded");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("not known");
        assertThat(get("u/cleo@example.com", null).statusCode()).isEqualTo(404);

        // her next abandoned cart: the e-mail step is skipped for the withdrawn consent, nothing more arrives
        assertThat(webhook(shopId, "checkouts/create", "mail-event-2", mailCheckout("mail-2")).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages(shopId, key))
                .filteredOn(m -> "email".equals(m.getString("channel")) && "skipped".equals(m.getString("state")))
                .singleElement().satisfies(m -> assertThat(m.getString("reason"))
                        .isEqualTo("no email marketing consent: state is unsubscribed"
                                + " (source email:one-click-unsubscribe)")));
        assertThat(received("cleo@example.com")).hasSize(1);
    }

    @Test
    void anAbandonedCheckoutGetsOneSmsAndAnOrderedOneNone() throws Exception {
        JsonObject shop = createShop("slice.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        // the IT runs at any hour: this shop sends around the clock (a start equal to the end: no quiet hours)
        HttpResponse<String> settings = put("api/shops/" + shopId + "/settings", key,
                "{\"timeZone\": \"America/Los_Angeles\", \"quietHours\": {\"start\": \"00:00\", \"end\": \"00:00\"}}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(json(settings.body()).getJsonObject("quietHours").getString("start")).isEqualTo("00:00");

        HttpResponse<String> first = webhook(shopId, "checkouts/create", "event-a", checkout("checkout-a", PHONE_A));
        HttpResponse<String> again = webhook(shopId, "checkouts/create", "event-a", checkout("checkout-a", PHONE_A));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first.body()).getInt("stored")).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).getInt("duplicates")).isEqualTo(1);

        assertThat(webhook(shopId, "checkouts/create", "event-b", checkout("checkout-b", PHONE_B)).statusCode())
                .isEqualTo(200);
        assertThat(webhook(shopId, "orders/create", "event-order", order("checkout-b")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages(shopId, key))
                .filteredOn(m -> "sent".equals(m.getString("state"))).hasSize(1));
        assertThat(messages(shopId, key)).as("the checkout that became an order gets nothing")
                .noneMatch(m -> PHONE_B.equals(m.getString("to", null)));
        JsonObject sent = messages(shopId, key).stream().filter(m -> "sent".equals(m.getString("state")))
                .findFirst().orElseThrow();
        assertThat(sent.getString("to")).isEqualTo(PHONE_A);
        assertThat(sent.getString("channel")).isEqualTo("sms");
        assertThat(sent.getString("journey")).isEqualTo("abandoned-checkout");
        assertThat(sent.getString("providerMessageId")).startsWith("SM");
        assertThat(sent.get("reason")).isEqualTo(JsonValue.NULL);
        assertThat(sent.getString("createdAt")).isNotBlank();
        List<TwilioStandIn.Received> sms = TWILIO.received().stream()
                .filter(r -> PHONE_A.equals(r.form().get("To")) || PHONE_B.equals(r.form().get("To"))).toList();
        assertThat(sms).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/ACit0000000000000000000000000000/Messages.json");
            assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    "ACit0000000000000000000000000000:it-auth-token".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(r.form()).containsEntry("To", PHONE_A).containsEntry("From", "+15005550006");
            assertThat(r.form().get("Body")).contains("Hi Ann").doesNotContain("recover?key=secret")
                    .containsPattern("http://localhost:8080/r/[A-Za-z0-9]{10}\\b");
        });
        // the SMS carries a short tracked link: following it counts a click and leads to the checkout
        Matcher tracked = Pattern.compile("/r/([A-Za-z0-9]{10})").matcher(sms.get(0).form().get("Body"));
        assertThat(tracked.find()).isTrue();
        HttpResponse<String> click = get("r/" + tracked.group(1), null);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location"))
                .hasValue("https://slice.myshopify.com/checkouts/checkout-a/recover?key=secret");
        assertThat(get("r/ZZZZZZZZZZ", null).statusCode()).isEqualTo(404);
        HttpResponse<String> stats = get("api/shops/" + shopId + "/journeys/abandoned-checkout/stats", key);
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(stats.body()))) {
            assertThat(reader.readArray().getValuesAs(JsonObject.class))
                    .filteredOn(step -> "sms-reminder".equals(step.getString("step"))).singleElement()
                    .satisfies(step -> assertThat(step.getJsonNumber("clicked").longValue()).isEqualTo(1));
        }

        // why: the shopper's timeline (by the platform's customer id) shows both checkouts, the one that became an
        // order leaving the journey, the guardrail decisions and the one message
        HttpResponse<String> timeline = get("api/shops/" + shopId + "/shoppers/603851970716743426/timeline", key);
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(timeline.body()))) {
            assertThat(reader.readArray().getValuesAs(JsonObject.class)).extracting(e -> e.getString("kind"))
                    .contains("EVENT", "JOURNEY_ENTERED", "JOURNEY_EXITED", "DECISION", "MESSAGE");
        }
    }

    @Test
    void journeysAreDataTheMerchantReadsAndChanges() throws Exception {
        JsonObject shop = createShop("journeys.myshopify.com");
        String key = shop.getString("apiKey");
        String base = "api/shops/" + shop.getString("id") + "/journeys";

        HttpResponse<String> all = get(base, key);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(all.body()))) {
            assertThat(reader.readArray().getValuesAs(JsonObject.class)).extracting(j -> j.getString("id"))
                    .contains("abandoned-checkout", "browse-abandonment", "thank-you", "order-updates", "win-back",
                            "in-store-offer");
        }
        JsonObject winBack = json(get(base + "/win-back", key).body());
        assertThat(winBack.getJsonArray("steps")).isNotEmpty();

        HttpResponse<String> off = put(base + "/win-back", key, "{\"enabled\": false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(get(base + "/win-back", key).body()).getBoolean("enabled")).isFalse();

        JsonObject broken = Json.createObjectBuilder(winBack).add("id", "win-back")
                .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "w")
                        .add("type", "wait").add("duration", "tomorrow"))).build();
        HttpResponse<String> refused = put(base + "/win-back", key, broken.toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).anySatisfy(path -> assertThat(path).startsWith("/steps/0"));
        assertThat(get(base + "/no-such-journey", key).statusCode()).isEqualTo(404);
    }

    @Test
    void aShopsContactRulesAreCheckedFieldByField() throws Exception {
        JsonObject shop = createShop("rules.myshopify.com");
        String path = "api/shops/" + shop.getString("id") + "/settings";

        HttpResponse<String> defaults = get(path, shop.getString("apiKey"));
        HttpResponse<String> wrong = put(path, shop.getString("apiKey"), """
                {"timeZone": "Mars/Olympus", "quietHours": {"start": "25:00", "end": "20:00"},
                 "frequencyCaps": {"SMS": {"max": 0, "per": "PT24H"}}}""");
        HttpResponse<String> notJson = put(path, shop.getString("apiKey"), "{\"timeZone\": ");

        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(json(defaults.body()).getJsonObject("quietHours").getString("start")).isEqualTo("08:00");
        assertThat(json(defaults.body()).getJsonObject("quietHours").getString("end")).isEqualTo("20:00");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .contains("timeZone", "quietHours.start", "frequencyCaps.SMS.max");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(get(path, shop.getString("apiKey")).body()).getString("timeZone"))
                .as("nothing changed").isEqualTo(json(defaults.body()).getString("timeZone"));
    }

    @Test
    void badInputGetsAClearErrorAndAnUnreadableSignedBodyIsKeptAsPoison() throws Exception {
        JsonObject shop = createShop("bad-input.myshopify.com");
        String shopId = shop.getString("id");
        byte[] body = checkout("checkout-x", PHONE_A).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = post("webhooks/shopify/" + shopId, body, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Event-Id", "forged",
                "X-Shopify-Hmac-Sha256", sign("not-the-secret", body));
        HttpResponse<String> unsigned = post("webhooks/shopify/" + shopId, body, "application/json",
                "X-Shopify-Topic", "checkouts/create");
        HttpResponse<String> unknownShop = post("webhooks/shopify/" + UUID.randomUUID(), body, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Hmac-Sha256", sign(SECRET, body));
        byte[] huge = new byte[1024 * 1024 + 1];
        HttpResponse<String> tooLarge = post("webhooks/shopify/" + shopId, huge, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Hmac-Sha256", sign(SECRET, huge));
        byte[] notJson = "{\"token\": ".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> malformed = post("webhooks/shopify/" + shopId, notJson, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Hmac-Sha256", sign(SECRET, notJson));
        HttpResponse<String> wrongType = post("webhooks/shopify/" + shopId, body, "text/plain",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Hmac-Sha256", sign(SECRET, body));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unknownShop.statusCode()).isEqualTo(404);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        for (HttpResponse<String> answer : List.of(forged, unsigned, unknownShop, tooLarge, wrongType)) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonObject problem = json(answer.body());
            assertThat(problem.getInt("status")).isEqualTo(answer.statusCode());
            assertThat(problem.getString("detail")).isNotBlank();
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(json(unsigned.body()).getString("detail")).contains("X-Shopify-Hmac-Sha256");

        // signed but unreadable: acknowledged so Shopify stops retrying, and shown to the merchant with its reason
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(json(malformed.body()).getString("status")).isEqualTo("poison");
        HttpResponse<String> again = post("webhooks/shopify/" + shopId, notJson, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Hmac-Sha256", sign(SECRET, notJson));
        assertThat(again.statusCode()).isEqualTo(200);
        HttpResponse<String> events = HTTP.send(HttpRequest.newBuilder(url("api/shops/" + shopId + "/events"))
                .header("Authorization", "Bearer " + shop.getString("apiKey")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonArray listed = Json.createReader(new StringReader(events.body())).readArray();
        assertThat(listed).hasSize(1);
        JsonObject poison = listed.getJsonObject(0);
        assertThat(poison.getString("state")).isEqualTo("poison");
        assertThat(poison.getString("topic")).isEqualTo("checkouts/create");
        assertThat(poison.getString("error")).isNotBlank();
        assertThat(poison.getJsonObject("payload").getString("bodyExcerpt")).isEqualTo("{\"token\": ");

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(url("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).containsPattern(
                "beckon_webhooks_total\\{[^}]*outcome=\"poison\"[^}]*} [1-9]")
                .contains("beckon_engine_pending_events").contains("beckon_engine_timer_lateness_milliseconds");
        assertThat(messages(shopId, shop.getString("apiKey"))).isEmpty();
    }

    @Test
    void aShopsKeyOpensOnlyThatShop() throws Exception {
        JsonObject a = createShop("tenant-a.myshopify.com");
        JsonObject b = createShop("tenant-b.myshopify.com");

        assertThat(get("api/shops/" + a.getString("id") + "/messages", a.getString("apiKey")).statusCode())
                .isEqualTo(200);
        assertThat(get("api/shops/" + b.getString("id") + "/messages", a.getString("apiKey")).statusCode())
                .isEqualTo(404);
        assertThat(get("api/shops/" + b.getString("id"), a.getString("apiKey")).statusCode()).isEqualTo(404);
        assertThat(get("api/shops/" + b.getString("id") + "/messages", null).statusCode()).isEqualTo(401);
        assertThat(get("api/shops/" + b.getString("id") + "/messages", OPERATOR).statusCode()).isEqualTo(200);
        HttpResponse<String> keyCreatesShop = HTTP.send(HttpRequest.newBuilder(url("api/shops"))
                .header("Authorization", "Bearer " + a.getString("apiKey"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"platform\":\"shopify\",\"domain\":\"c.myshopify.com\",\"webhookSecret\":\"s\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(keyCreatesShop.statusCode()).isEqualTo(403);
    }

    @Test
    void healthOpenApiAndMetricsAreOn() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(url("health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(url("health/live")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> openapi = HTTP.send(HttpRequest.newBuilder(url("openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready.body()).getString("status")).isEqualTo("UP");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/shops:").contains("/api/shops/{shopId}/messages:")
                .contains("/webhooks/{platform}/{shopId}:");
    }

    @Test
    void theEmbeddedBrokerCarriesMqttMessages() throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + MQTT_PORT, "beckon-it-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // anonymous clients are refused: connect as the suite's own account
        options.setUserName("beckon-suite");
        options.setPassword("it-suite-mqtt-password-0123456789".toCharArray());
        client.connect(options);
        try {
            CompletableFuture<String> received = new CompletableFuture<>();
            client.subscribe("beckon/it/ping", 1, (topic, message) ->
                    received.complete(new String(message.getPayload(), StandardCharsets.UTF_8)));
            client.publish("beckon/it/ping", "hello from a store app".getBytes(StandardCharsets.UTF_8), 1, false);

            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("hello from a store app");
        } finally {
            client.disconnect();
            client.close();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private JsonObject createShop(String domain) throws Exception {
        return createShop("shopify", domain, SECRET);
    }

    private JsonObject createShop(String platform, String domain, String secret) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(url("api/shops"))
                .header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"" + platform + "\",\"domain\":\""
                        + domain + "\",\"webhookSecret\":\"" + secret + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject shop = json(created.body());
        assertThat(shop.getString("apiKey")).isNotBlank();
        return shop;
    }

    private HttpResponse<String> webhook(String shopId, String topic, String eventId, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("webhooks/shopify/" + shopId, bytes, "application/json", "X-Shopify-Topic", topic,
                "X-Shopify-Event-Id", eventId, "X-Shopify-Hmac-Sha256", sign(SECRET, bytes),
                "X-Shopify-API-Version", "2026-07");
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String bearer, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonObject> messages(String shopId, String key) throws Exception {
        HttpResponse<String> answer = get("api/shops/" + shopId + "/messages", key);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            JsonArray array = reader.readArray();
            List<JsonObject> list = new ArrayList<>();
            array.forEach(v -> list.add(v.asJsonObject()));
            return list;
        }
    }

    /** The deployment's loopback URL; the adapter reports the host's first interface address (G5). */
    private URI url(String path) {
        return URI.create("http://localhost:" + deployed.getPort() + "/" + path);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** A Shopify checkouts/create body shaped like the 2026-07 reference sample. */
    private static String checkout(String token, String phone) {
        return """
                {"token":"%s","cart_token":"cart-%s","email":"ann@example.com","buyer_accepts_marketing":false,
                 "created_at":"2026-11-23T09:00:00-05:00","updated_at":"2026-11-23T09:00:00-05:00","currency":"USD",
                 "completed_at":null,"phone":"%s","customer_locale":"en",
                 "line_items":[{"key":"139cb5712fb4c8d9957dcfad9a3028da","product_id":632910392,"variant_id":808950810,
                   "quantity":1,"sku":"IPOD2008PINK","title":"IPod Nano - 8GB","variant_title":"Pink","price":"199.00",
                   "line_price":"199.00","vendor":"Apple"}],
                 "name":"#981820079255243537",
                 "abandoned_checkout_url":"https://slice.myshopify.com/checkouts/%s/recover?key=secret",
                 "discount_codes":[],"source_name":"web","presentment_currency":"USD",
                 "buyer_accepts_sms_marketing":true,"sms_marketing_phone":"%s","total_price":"421.88",
                 "subtotal_price":"398.00",
                 "customer":{"id":603851970716743426,"first_name":"Ann","last_name":"Smith","email":"ann@example.com",
                   "phone":null,"admin_graphql_api_id":"gid://shopify/Customer/603851970716743426"}}
                """.formatted(token, token, phone, token, phone);
    }

    /** A Shopify orders/create body completing the given checkout. */
    private static String order(String checkoutToken) {
        return """
                {"id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Order/820982911946154508",
                 "buyer_accepts_marketing":true,"cart_token":"cart-%s","checkout_token":"%s",
                 "contact_email":"bo@example.com","email":"bo@example.com","created_at":"2026-11-23T09:01:00-05:00",
                 "updated_at":"2026-11-23T09:01:00-05:00","currency":"USD","financial_status":"paid",
                 "fulfillment_status":null,"name":"#1001","order_number":1001,"phone":null,"source_name":"web",
                 "test":true,"token":"123456abcd","total_price":"421.88",
                 "customer":{"id":115310627314723954,"email":"bo@example.com","phone":null,"first_name":"Bo",
                   "last_name":"Lee","admin_graphql_api_id":"gid://shopify/Customer/115310627314723954"},
                 "line_items":[{"id":487817672276298554,"product_id":788032119674292922,"variant_id":null,"quantity":1,
                   "sku":"SKU2006-001","title":"Aviator sunglasses","price":"89.99"}]}
                """.formatted(checkoutToken, checkoutToken);
    }

    private static List<MimeMessage> received(String to) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            try {
                if (mail.getAllRecipients()[0].toString().equals(to)) {
                    mails.add(mail);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** A checkouts/create body of a shopper who gave her e-mail and ticked "email me offers", without a phone. */
    private static String mailCheckout(String token) {
        return """
                {"token":"%s","cart_token":"cart-%s","email":"cleo@example.com","buyer_accepts_marketing":true,
                 "created_at":"2026-11-23T09:00:00-05:00","updated_at":"2026-11-23T09:00:00-05:00","currency":"USD",
                 "completed_at":null,"phone":null,"customer_locale":"en",
                 "line_items":[{"key":"139cb5712fb4c8d9957dcfad9a3028da","product_id":632910392,"variant_id":808950810,
                   "quantity":1,"sku":"IPOD2008PINK","title":"IPod Nano - 8GB","variant_title":"Pink","price":"199.00",
                   "line_price":"199.00","vendor":"Apple"}],
                 "abandoned_checkout_url":"https://mail.myshopify.com/checkouts/%s/recover?key=secret",
                 "discount_codes":[],"source_name":"web","presentment_currency":"USD","total_price":"199.00",
                 "subtotal_price":"199.00",
                 "customer":{"id":700100200300400500,"first_name":"Cleo","last_name":"Mars","email":"cleo@example.com",
                   "phone":null,"admin_graphql_api_id":"gid://shopify/Customer/700100200300400500"}}
                """.formatted(token, token, token);
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {

        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
