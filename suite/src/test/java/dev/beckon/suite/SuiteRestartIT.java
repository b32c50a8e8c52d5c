package dev.beckon.suite;

import dev.beckon.api.testing.TestDatabases;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runnable suite ({@code target/beckon.jar}, started as an operator would with {@code java -jar}) on PostgreSQL,
 * in a fresh schema, sending SMS through a Twilio stand-in in this JVM that records every request per recipient.
 * Not Arquillian: the restart test kills the suite's process with {@code kill -9} and starts a new one on the same
 * database, which the other tests then use. Every test has its own shop, so they run in any order.
 *
 * <p><b>The at-most-once window.</b> The outbox commits a message before any provider call, and marks it
 * {@code sending} in its own transaction just before the call. A message that was {@code sending} when the suite died
 * is not resent (Twilio cannot be asked whether it got it): after the send lease ({@code BECKON_OUTBOX_SEND_LEASE},
 * 10 min) it is failed as "outcome unknown". So a kill can cost at most the messages whose provider call was in
 * flight (the provider may or may not have them), never a duplicate. The restart test kills the suite while no call
 * is in flight (every attempt made so far has been answered and recorded, the next retry is at least 10 s away and
 * the next timers 10 s away), so there every message must arrive exactly once.
 */
class SuiteRestartIT {

    static final String SECRET = "shpss_restart_it_webhook_secret";
    static final Path LOGS = Path.of("target", "suite-restart-it");
    static final Duration BOOT = Duration.ofMinutes(3);

    static TwilioStandIn twilio;
    static PGSimpleDataSource database;
    static String jdbcUrl;
    static Path dataDir;
    static SuiteProcess suite;
    static SuiteClient client;
    static final List<Path> bootLogs = new ArrayList<>();

    /** On a failure, the suite's own output is the first thing to read. */
    @RegisterExtension
    static final TestWatcher SHOW_SUITE_LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (Path log : bootLogs) {
                try {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
                    System.err.println("---- last lines of " + log + " ----\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size())));
                } catch (IOException e) {
                    System.err.println("(could not read " + log + ": " + e + ")");
                }
            }
        }
    };

    @BeforeAll
    static void startSuite() throws IOException {
        database = TestDatabases.postgres(); // a new schema; skipped with the reason without PostgreSQL, fails under CI
        String url = System.getenv().getOrDefault("BECKON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + database.getCurrentSchema();
        dataDir = Files.createTempDirectory("beckon-restart-it");
        twilio = new TwilioStandIn();
        boot();
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            if (twilio != null) {
                twilio.close();
            }
            if (database != null) {
                TestDatabases.dropSchema(database);
            }
        }
    }

    /**
     * Eight abandoned checkouts, six with SMS consent. The first four come due while the suite runs: one SMS goes
     * out, the provider answers 503 to two (they wait for their retry in the outbox) and the one without consent is
     * skipped. The other four have just entered the journey (durable timers, messages {@code scheduled}). Then the
     * suite is killed with {@code kill -9} and started again on the same database: every shopper with consent gets
     * her SMS exactly once, the late timers fire late rather than never, and nothing is sent twice.
     */
    @Test
    void aSuiteKilledWithPendingTimersAndUnsentMessagesLosesNothingAndDoublesNothing() throws Exception {
        JsonObject shop = shop("restart.myshopify.com", """
                {"timeZone": "America/Los_Angeles", "quietHours": {"start": "00:00", "end": "00:00"}}""");
        setFirstWait(shop, "PT10S");
        List<Checkout> early = List.of(
                new Checkout("r-early-1", "+14155550101", 603851970716743101L, true),
                new Checkout("r-early-2", "+14155550102", 603851970716743102L, true),
                new Checkout("r-early-3", "+14155550103", 603851970716743103L, true),
                new Checkout("r-early-4", "+14155550104", 603851970716743104L, false));
        List<Checkout> late = List.of(
                new Checkout("r-late-1", "+14155550111", 603851970716743111L, true),
                new Checkout("r-late-2", "+14155550112", 603851970716743112L, true),
                new Checkout("r-late-3", "+14155550113", 603851970716743113L, true),
                new Checkout("r-late-4", "+14155550114", 603851970716743114L, false));
        List<String> refused = List.of(early.get(0).phone(), early.get(1).phone());
        refused.forEach(phone -> twilio.refuseNext(phone, 1));

        for (Checkout checkout : early) {
            assertThat(postCheckout(shop, checkout).statusCode()).isEqualTo(200);
        }
        await("the early timers fire: one sent, two refused and waiting for a retry, one without consent skipped")
                .atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    Map<String, JsonObject> sms = smsByPhone(shop);
                    assertThat(sms).containsKeys(early.stream().map(Checkout::phone).toArray(String[]::new));
                    assertThat(sms.get(early.get(2).phone()).getString("state")).isEqualTo("sent");
                    assertThat(sms.get(early.get(3).phone()).getString("state")).isEqualTo("skipped");
                    for (String phone : refused) {
                        assertThat(stateInDatabase(phone)).isEqualTo("queued"); // not "sending": no call in flight
                        assertThat(sms.get(phone).getString("reason", "")).contains("HTTP 503").contains("retrying");
                        assertThat(sms.get(phone).getInt("attempts")).isEqualTo(1);
                    }
                });
        for (Checkout checkout : late) {
            assertThat(postCheckout(shop, checkout).statusCode()).isEqualTo(200);
        }
        await("the late checkouts enter the journey and wait on durable timers").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pendingTimers(late)).isEqualTo(late.size()));
        assertThat(smsByPhone(shop)).as("what the merchant sees at the kill")
                .allSatisfy((phone, m) -> assertThat(m.getString("state"))
                        .isEqualTo(late.stream().anyMatch(c -> c.phone().equals(phone)) ? "scheduled"
                                : refused.contains(phone) ? "queued"
                                : phone.equals(early.get(2).phone()) ? "sent" : "skipped"));
        for (String phone : refused) {
            assertThat(stateInDatabase(phone)).as("unsent in the outbox at the kill").isEqualTo("queued");
        }

        suite.kill();
        boot();

        List<Checkout> all = Stream.concat(early.stream(), late.stream()).toList();
        await("after the restart every shopper with consent has her SMS").atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> {
                    Map<String, JsonObject> sms = smsByPhone(shop);
                    assertThat(sms).containsKeys(all.stream().map(Checkout::phone).toArray(String[]::new));
                    for (Checkout checkout : all) {
                        assertThat(sms.get(checkout.phone()).getString("state")).as(checkout.phone())
                                .isEqualTo(checkout.smsConsent() ? "sent" : "skipped");
                    }
                });

        List<JsonObject> sms = messages(shop).stream().filter(m -> "sms".equals(m.getString("channel"))).toList();
        assertThat(sms).as("one SMS message per checkout, no second row").hasSize(all.size())
                .extracting(m -> m.getString("to")).doesNotHaveDuplicates();
        assertThat(sms).filteredOn(m -> "sent".equals(m.getString("state")))
                .extracting(m -> m.getString("providerMessageId")).doesNotHaveDuplicates()
                .allSatisfy(sid -> assertThat(sid).startsWith("SM"));
        assertThat(sms).filteredOn(m -> "skipped".equals(m.getString("state")))
                .allSatisfy(m -> assertThat(m.getString("reason", "")).containsIgnoringCase("consent"));
        for (Checkout checkout : all) {
            List<TwilioStandIn.Received> requests = twilio.receivedBy(checkout.phone());
            if (!checkout.smsConsent()) {
                assertThat(requests).as("no consent, no SMS: " + checkout.phone()).isEmpty();
            } else if (refused.contains(checkout.phone())) {
                assertThat(requests).as("refused once, then sent once: " + checkout.phone())
                        .extracting(TwilioStandIn.Received::status).containsExactly(503, 201);
            } else {
                assertThat(requests).as("sent exactly once: " + checkout.phone())
                        .extracting(TwilioStandIn.Received::status).containsExactly(201);
            }
            if (checkout.smsConsent()) {
                // the recovery link goes out as a tracked short link that leads to the checkout
                String body = requests.get(requests.size() - 1).form().get("Body");
                Matcher link = Pattern.compile("/r/([A-Za-z0-9_-]+)").matcher(body);
                assertThat(link.find()).as(body).isTrue();
                HttpResponse<String> followed = client().get("r/" + link.group(1), null);
                assertThat(followed.statusCode()).isEqualTo(302);
                assertThat(followed.headers().firstValue("Location").orElse(""))
                        .contains("/checkouts/" + checkout.token() + "/recover");
            }
        }
    }

    /**
     * One shop sending only from 08:00 to 08:01 local time; a shopper in Los Angeles and one in Madrid enter the same
     * journey at the same moment. Each SMS is deferred to her own next 08:00, found from her phone number (the
     * store's zone, Tokyo, is neither), with the zone named in the reason.
     */
    @Test
    void shoppersInLosAngelesAndMadridGetTheSameJourneyAtTheirOwnEightOClock() throws Exception {
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        waitUntilNotNearEight(losAngeles, madrid);
        JsonObject shop = shop("zones.myshopify.com", """
                {"timeZone": "Asia/Tokyo", "quietHours": {"start": "08:00", "end": "08:01"}}""");
        setFirstWait(shop, "PT1S");
        Checkout inLosAngeles = new Checkout("z-la", "+12135550142", 603851970716743201L, true);
        Checkout inMadrid = new Checkout("z-madrid", "+34911234567", 603851970716743202L, true);

        Instant before = Instant.now();
        assertThat(postCheckout(shop, inLosAngeles).statusCode()).isEqualTo(200);
        assertThat(postCheckout(shop, inMadrid).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(smsByPhone(shop))
                .containsKeys(inLosAngeles.phone(), inMadrid.phone())
                .allSatisfy((phone, m) -> assertThat(m.getString("state")).isEqualTo("deferred")));
        Instant after = Instant.now();

        Map<String, JsonObject> sms = smsByPhone(shop);
        Map<Checkout, ZoneId> zones = Map.of(inLosAngeles, losAngeles, inMadrid, madrid);
        zones.forEach((checkout, zone) -> {
            Instant eight = nextEight(before, zone);
            assertThat(nextEight(after, zone)).as("no 08:00 passed in " + zone + " during the test").isEqualTo(eight);
            JsonObject message = sms.get(checkout.phone());
            assertThat(Instant.parse(message.getString("dueAt"))).as(zone.getId()).isEqualTo(eight);
            assertThat(message.getString("reason", ""))
                    .startsWith("quiet hours in " + zone.getId() + ", from the phone number")
                    .contains("goes at 08:00 " + zone.getId());
            assertThat(twilio.receivedBy(checkout.phone())).as("nothing sent before 08:00").isEmpty();
        });
        assertThat(Instant.parse(sms.get(inLosAngeles.phone()).getString("dueAt")))
                .as("Madrid's 08:00 is not Los Angeles' 08:00")
                .isNotEqualTo(Instant.parse(sms.get(inMadrid.phone()).getString("dueAt")));
    }

    /**
     * Two customers share one phone and abandon a checkout at the same moment: two journey runs come due together
     * for one number against the shop's SMS cap of 1 per 24 h. One SMS is sent; the other is skipped with the cap as
     * its reason, and the provider gets exactly one request. (One suite instance decides due timers on one worker;
     * two instances deciding at once, one waiting on the other's recipient lock, is FrequencyCapRacePostgresTest.)
     */
    @Test
    void twoJourneysRacingForOnePhoneSendOneSmsUnderTheCap() throws Exception {
        JsonObject shop = shop("caps.myshopify.com", """
                {"timeZone": "America/Los_Angeles", "quietHours": {"start": "00:00", "end": "00:00"},
                 "frequencyCaps": {"SMS": {"max": 1, "per": "PT24H"}}}""");
        setFirstWait(shop, "PT2S");
        String phone = "+14155550177";
        Checkout first = new Checkout("cap-1", phone, 603851970716743301L, true);
        Checkout second = new Checkout("cap-2", phone, 603851970716743302L, true);

        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> postQuietly(shop, first));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> postQuietly(shop, second));
        assertThat(one.get().statusCode()).isEqualTo(200);
        assertThat(two.get().statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages(shop))
                .filteredOn(m -> "sms".equals(m.getString("channel")))
                .extracting(m -> m.getString("state")).containsExactlyInAnyOrder("sent", "skipped"));
        assertThat(messages(shop)).filteredOn(m -> "skipped".equals(m.getString("state"))).singleElement()
                .satisfies(m -> {
                    assertThat(m.getString("to")).isEqualTo(phone);
                    assertThat(m.getString("reason", "")).startsWith("frequency cap SMS 1 per 24h reached");
                });
        assertThat(twilio.receivedBy(phone)).singleElement().extracting(TwilioStandIn.Received::status)
                .isEqualTo(201);
    }

    // --- the suite's process --------------------------------------------------------------------------------

    private static void boot() {
        Path log = LOGS.resolve("boot-" + (bootLogs.size() + 1) + ".log");
        bootLogs.add(log);
        Map<String, String> env = new HashMap<>();
        env.put("BECKON_DB_URL", jdbcUrl);
        env.put("BECKON_DB_USER", System.getenv().getOrDefault("BECKON_TEST_PG_USER", "postgres"));
        env.put("BECKON_DB_PASSWORD", null);
        env.put("BECKON_DATA_DIR", dataDir.toString());
        env.put("BECKON_ADMIN_TOKEN", SuiteClient.OPERATOR);
        env.put("BECKON_MQTT_PORT", String.valueOf(SuiteClient.freePort()));
        env.put("BECKON_SMS_BASE_URL", twilio.baseUrl());
        env.put("BECKON_SMS_ACCOUNT_SID", "ACrestart0000000000000000000000000");
        env.put("BECKON_SMS_AUTH_TOKEN", "restart-it-auth-token");
        env.put("BECKON_SMS_FROM", "+15005550006");
        env.put("BECKON_ENGINE_POLL_INTERVAL", "PT0.2S");
        // a refused SMS is retried 10 to 20 s later: after the kill, by the restarted suite (ready in about 15 s)
        env.put("BECKON_OUTBOX_RETRY_BASE", "PT20S");
        suite = SuiteProcess.start(env, log, BOOT);
        client = new SuiteClient(suite.base());
    }

    private static SuiteClient client() {
        if (suite == null || !suite.alive()) {
            boot(); // a test that failed between kill and restart leaves none
        }
        return client;
    }

    // --- the merchant and the platform, over HTTP -------------------------------------------------------------

    private static JsonObject shop(String domain, String settings) throws Exception {
        JsonObject shop = client().createShop("shopify", domain, SECRET);
        HttpResponse<String> answer = put("api/shops/" + shop.getString("id") + "/settings", shop, settings);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return shop;
    }

    /** Changes the abandoned-checkout journey's first wait (1 h as shipped) through the merchant API. */
    private static void setFirstWait(JsonObject shop, String duration) throws Exception {
        String path = "api/shops/" + shop.getString("id") + "/journeys/abandoned-checkout";
        HttpResponse<String> current = client().get(path, shop.getString("apiKey"));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        JsonObject journey = SuiteClient.json(current.body());
        JsonArray steps = journey.getJsonArray("steps");
        assertThat(steps.getJsonObject(0).getString("type")).isEqualTo("wait");
        JsonObject shorter = Json.createObjectBuilder(journey).add("steps", Json.createArrayBuilder(steps)
                .set(0, Json.createObjectBuilder(steps.getJsonObject(0)).add("duration", duration))).build();
        HttpResponse<String> changed = put(path, shop, shorter.toString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(SuiteClient.json(changed.body()).getJsonArray("steps").getJsonObject(0).getString("duration"))
                .isEqualTo(duration);
    }

    private static HttpResponse<String> put(String path, JsonObject shop, String json) throws Exception {
        SuiteClient client = client();
        return client.send(HttpRequest.newBuilder(client.url(path))
                .header("Authorization", "Bearer " + shop.getString("apiKey"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> postCheckout(JsonObject shop, Checkout checkout) throws Exception {
        byte[] body = checkout.json().getBytes(StandardCharsets.UTF_8);
        return client().post("webhooks/shopify/" + shop.getString("id"), body, "application/json",
                "X-Shopify-Topic", "checkouts/create", "X-Shopify-Event-Id", "event-" + checkout.token(),
                "X-Shopify-Hmac-Sha256", SuiteClient.base64HmacSha256(SECRET, body),
                "X-Shopify-API-Version", "2026-07");
    }

    private static HttpResponse<String> postQuietly(JsonObject shop, Checkout checkout) {
        try {
            return postCheckout(shop, checkout);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> messages(JsonObject shop) throws Exception {
        HttpResponse<String> answer = client().get("api/shops/" + shop.getString("id") + "/messages",
                shop.getString("apiKey"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SuiteClient.array(answer.body()).getValuesAs(JsonObject.class);
    }

    /** The shop's SMS messages by recipient; fails if a recipient has two. */
    private static Map<String, JsonObject> smsByPhone(JsonObject shop) throws Exception {
        Map<String, JsonObject> byPhone = new HashMap<>();
        for (JsonObject m : messages(shop)) {
            if ("sms".equals(m.getString("channel")) && !m.isNull("to")) {
                assertThat(byPhone.put(m.getString("to"), m)).as("a second SMS message to " + m.getString("to"))
                        .isNull();
            }
        }
        return byPhone;
    }

    // --- what the database holds (the outbox's "sending" is shown as "queued" by the API) ---------------------

    private static String stateInDatabase(String phone) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state FROM message WHERE recipient = ? AND channel = 'sms'")) {
            s.setString(1, phone);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Timers not yet fired for the journey runs whose SMS is scheduled to these checkouts' phones. */
    private static int pendingTimers(List<Checkout> checkouts) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT count(DISTINCT t.id) FROM timer t JOIN message m ON m.run_id = t.run_id
                WHERE m.state = 'scheduled' AND m.recipient = ANY (?)""")) {
            s.setArray(1, c.createArrayOf("varchar", checkouts.stream().map(Checkout::phone).toArray()));
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    // --- time ------------------------------------------------------------------------------------------------

    /** The first 08:00 in {@code zone} after {@code now} (08:00 never falls in a daylight-saving gap). */
    private static Instant nextEight(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime eight = local.toLocalDate().atTime(LocalTime.of(8, 0)).atZone(zone);
        return (eight.isAfter(local) ? eight : eight.plusDays(1)).toInstant();
    }

    /**
     * The test needs "now" to be quiet in every zone and no 08:00 to pass while it runs: from 07:57 to 08:01 local
     * in any zone, it waits until that has passed.
     */
    private static void waitUntilNotNearEight(ZoneId... zones) {
        await("08:00 to pass in " + List.of(zones)).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Stream.of(zones).map(z -> LocalTime.now(z)).noneMatch(
                        t -> !t.isBefore(LocalTime.of(7, 57)) && t.isBefore(LocalTime.of(8, 1, 30))));
    }

    // --- a Shopify checkouts/create body ------------------------------------------------------------------------

    /** One shopper's abandoned checkout; each has her own customer id, so no re-entry rule joins two. */
    record Checkout(String token, String phone, long customerId, boolean smsConsent) {

        String json() {
            JsonObjectBuilder customer = Json.createObjectBuilder().add("id", customerId)
                    .add("first_name", "Ann").add("last_name", "Smith").add("email", token + "@example.com")
                    .addNull("phone").add("admin_graphql_api_id", "gid://shopify/Customer/" + customerId);
            return Json.createObjectBuilder()
                    .add("token", token).add("cart_token", "cart-" + token).add("email", token + "@example.com")
                    .add("buyer_accepts_marketing", false)
                    .add("created_at", "2026-11-23T09:00:00-05:00").add("updated_at", "2026-11-23T09:00:00-05:00")
                    .add("currency", "USD").addNull("completed_at").add("phone", phone).add("customer_locale", "en")
                    .add("line_items", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("key", "139cb5712fb4c8d9957dcfad9a3028da").add("product_id", 632910392)
                            .add("variant_id", 808950810).add("quantity", 1).add("sku", "IPOD2008PINK")
                            .add("title", "IPod Nano - 8GB").add("variant_title", "Pink").add("price", "199.00")
                            .add("line_price", "199.00").add("vendor", "Apple")))
                    .add("name", "#" + customerId)
                    .add("abandoned_checkout_url", "https://restart.example/checkouts/" + token + "/recover?key=k")
                    .add("discount_codes", Json.createArrayBuilder()).add("source_name", "web")
                    .add("presentment_currency", "USD")
                    .add("buyer_accepts_sms_marketing", smsConsent).add("sms_marketing_phone", phone)
                    .add("total_price", "199.00").add("subtotal_price", "199.00")
                    .add("customer", customer)
                    .build().toString();
        }
    }
}
