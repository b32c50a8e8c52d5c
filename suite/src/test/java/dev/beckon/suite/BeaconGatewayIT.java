package dev.beckon.suite;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A shopper's walk through a store, end to end in a real Payara Micro: the merchant registers a store, three zones
 * placed on the floor plan, the store app as a roaming scanner with an issued MQTT credential, one beacon per zone
 * and an Eddystone-EID beacon; the app publishes what the phone hears to the embedded MQTT broker while it walks
 * past the entrance, the shoe wall and the checkout, with malformed messages in between; the zone events reach the
 * shop's events and the recorded visit is shown with its enters, exits and end. The broker refuses anonymous
 * clients and drops what the scanner publishes under another store's topic. The zone timing is shortened by
 * configuration so the walk takes about 15 s.
 *
 * <p>The in-store offer: ESPresense nodes in three zones hear two phones that advertise their store app's iBeacon;
 * one shopper opted in inside the app, the other withdrew. The merchant shortens the in-store-offer journey's dwell
 * from the shipped 30 s to 10 s through the journey API, and the gateway reports a 10 s dwell mark (configuration,
 * so each walk takes about 20 s; the shipped 30 s and its wiring are InStoreOfferWiringTest's). Lingering 10 s at the
 * shoe wall gets the opted-in app exactly one offer on its MQTT topic, the other a recorded skip; a second walk
 * inside the journey's cooldown gets no second offer, and the skip says why.
 */
@ExtendWith(ArquillianExtension.class)
class BeaconGatewayIT {

    static final String OPERATOR = "it-operator-token-0123456789";
    static final int MQTT_PORT = freePort();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String UUID = "2f234454-cf6d-4a0f-adf2-f4911ba9ffa6";
    static final String PHONE = "ann-phone-install-1";
    static final String SUITE_MQTT_USER = "beckon-suite";
    static final String SUITE_MQTT_PASSWORD = "it-suite-mqtt-password-0123456789";
    static final String IDENTITY_KEY = "e2a9b76a71c5f89290a1b2c3d4e5f607";
    static final String ANN = "ann-install-7";
    static final String BOB = "bob-install-8";
    /** What ESPresense reports for the iBeacon Ann's (Bob's) store app advertises. */
    static final String ANN_BEACON = "iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7";
    static final String BOB_BEACON = "iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-8";
    /**
     * The gateway's only dwell mark, and the merchant's in-store-offer dwell: clearly longer than the stays at the
     * entrance and the checkout in {@link #walk} (about 6 s and 4.5 s with these zone settings), so only the shoe wall
     * earns it.
     */
    static final String DWELL = "PT10S";

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
        Path dataDir = Files.createTempDirectory("beckon-beacon-it-data");
        String config = String.join("\n",
                "config_ordinal=500",
                "beckon.data-dir=" + dataDir,
                "beckon.mqtt.port=" + MQTT_PORT,
                "beckon.gateway.mqtt.password=" + SUITE_MQTT_PASSWORD,
                "beckon.engine.poll-interval=PT0.2S",
                "beckon.gateway.zones.hold=PT1S",
                "beckon.gateway.zones.switch-hold=PT2S",
                "beckon.gateway.zones.freshness=PT3S",
                "beckon.gateway.zones.exit-after=PT4S",
                "beckon.gateway.zones.visit-timeout=PT6S",
                "beckon.gateway.zones.dwell-marks=" + DWELL,
                "beckon.gateway.filter.window=PT3S");
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(config), "microprofile-config.properties"));
    }

    @Test
    void aWalkPastThreeZonesBecomesZoneEventsAndAVisit() throws Exception {
        JsonObject shop = createShop("beacons.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        String stores = "api/shops/" + shopId + "/stores";

        HttpResponse<String> created = post(key, stores, "{\"name\":\"Berlin Mitte\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String storeId = json(created.body()).getString("id");
        String store = stores + "/" + storeId;
        assertThat(post(key, stores, "{\"name\":\"x\",\"timeZone\":\"Mars/Olympus\"}").statusCode()).isEqualTo(400);

        List<String> zoneNames = List.of("Entrance", "Shoes", "Checkout");
        for (int i = 0; i < zoneNames.size(); i++) {
            HttpResponse<String> zoneCreated = post(key, store + "/zones", "{\"name\":\"" + zoneNames.get(i)
                    + "\",\"x\":" + (4 * i) + ",\"y\":1.5}");
            assertThat(zoneCreated.statusCode()).as(zoneCreated.body()).isEqualTo(201);
            assertThat(json(zoneCreated.body()).getJsonNumber("x").doubleValue()).isEqualTo(4.0 * i);
        }
        assertThat(post(key, store + "/zones", "{\"name\":\"Aisle\",\"x\":3}").statusCode()).isEqualTo(400);
        assertThat(post(key, store + "/zones", "{\"name\":\"shoes\"}").statusCode()).isEqualTo(409);
        assertThat(post(key, stores + "/no-such-store/zones", "{\"name\":\"shoes\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> app = post(key, store + "/scanners", "{\"id\":\"store-app\"}");
        assertThat(app.statusCode()).as(app.body()).isEqualTo(201);
        assertThat(json(app.body()).getString("source")).isEqualTo("BECKON");
        String[] zones = {"entrance", "shoes", "checkout"};
        for (int i = 0; i < zones.length; i++) {
            HttpResponse<String> paired = post(key, store + "/beacons", "{\"key\":\"" + beacon(i + 1)
                    + "\",\"zoneId\":\"" + zones[i] + "\",\"rssiAt1m\":-59}");
            assertThat(paired.statusCode()).as(paired.body()).isEqualTo(201);
        }
        assertThat(post(key, store + "/beacons", "{\"key\":\"not-a-beacon\",\"zoneId\":\"shoes\"}").statusCode())
                .isEqualTo(400);
        assertThat(post(key, store + "/beacons", "{\"key\":\"" + beacon(9) + "\",\"zoneId\":\"nowhere\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post(key, store + "/beacons", "{\"key\":\"" + beacon(1) + "\",\"zoneId\":\"shoes\"}")
                .statusCode()).isEqualTo(409);
        HttpResponse<String> eid = post(key, store + "/beacons", "{\"identityKey\":\"" + IDENTITY_KEY
                + "\",\"rotationExponent\":10,\"counter\":4096,\"zoneId\":\"checkout\"}");
        assertThat(eid.statusCode()).as(eid.body()).isEqualTo(201);
        assertThat(json(eid.body()).getString("key")).matches("eid:[0-9a-f]{16}");
        assertThat(json(eid.body()).getString("kind")).isEqualTo("EDDYSTONE_EID");
        assertThat(eid.body()).doesNotContain(IDENTITY_KEY);
        assertThat(post(key, store + "/beacons", "{\"identityKey\":\"" + IDENTITY_KEY
                + "\",\"rotationExponent\":10,\"zoneId\":\"shoes\"}").statusCode()).isEqualTo(409);
        assertThat(post(key, store + "/beacons", "{\"identityKey\":\"e2a9\",\"rotationExponent\":10,"
                + "\"zoneId\":\"shoes\"}").statusCode()).isEqualTo(400);
        assertThat(post(key, store + "/beacons", "{\"identityKey\":\"" + IDENTITY_KEY.replace('e', 'f')
                + "\",\"zoneId\":\"shoes\"}").statusCode()).isEqualTo(400);

        JsonArray zoneList = jsonArray(get(key, store + "/zones").body());
        assertThat(zoneList.getValuesAs(JsonObject.class)).extracting(z -> z.getString("id"))
                .containsExactly("entrance", "shoes", "checkout");
        assertThat(zoneList.getJsonObject(1).getString("name")).isEqualTo("Shoes");
        HttpResponse<String> beaconList = get(key, store + "/beacons");
        assertThat(jsonArray(beaconList.body())).hasSize(4);
        assertThat(beaconList.body()).doesNotContain(IDENTITY_KEY).doesNotContain("identityKey");
        assertThat(jsonArray(get(key, store + "/scanners").body())).hasSize(1);
        assertThat(jsonArray(get(key, stores).body()).getJsonObject(0).getString("timeZone"))
                .isEqualTo("Europe/Berlin");

        // a second store of the shop, which the Berlin scanner must not speak for
        HttpResponse<String> hamburgCreated = post(key, stores, "{\"name\":\"Hamburg\"}");
        assertThat(hamburgCreated.statusCode()).as(hamburgCreated.body()).isEqualTo(201);
        String hamburgId = json(hamburgCreated.body()).getString("id");
        String hamburg = stores + "/" + hamburgId;
        assertThat(post(key, hamburg + "/zones", "{\"name\":\"Door\"}").statusCode()).isEqualTo(201);
        assertThat(post(key, hamburg + "/scanners", "{\"id\":\"store-app\"}").statusCode()).isEqualTo(201);
        assertThat(post(key, hamburg + "/beacons", "{\"key\":\"" + beacon(7) + "\",\"zoneId\":\"door\"}")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> issued = post(key, store + "/scanners/store-app/credentials", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonObject credential = json(issued.body());
        assertThat(credential.getString("username")).matches("s-[0-9a-f]{24}");
        assertThat(post(key, store + "/scanners/no-such-scanner/credentials", "").statusCode()).isEqualTo(404);
        HttpResponse<String> appCredential = post(key, "api/shops/" + shopId + "/apps/" + PHONE + "/credentials", "");
        assertThat(appCredential.statusCode()).as(appCredential.body()).isEqualTo(201);
        assertThat(json(appCredential.body()).getString("username")).matches("a-[0-9a-f]{24}");
        assertThat(post(key, "api/shops/" + shopId + "/apps/$bad/credentials", "").statusCode()).isEqualTo(400);

        assertThatThrownBy(() -> connect("it-anonymous", null, null)).isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect("it-guess", credential.getString("username"), "not-the-password"))
                .isInstanceOf(MqttSecurityException.class);

        // the suite's own account hears every sighting topic: the spoofed Hamburg batch never arrives
        MqttClient listener = connect("it-listener", SUITE_MQTT_USER, SUITE_MQTT_PASSWORD);
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        listener.subscribe("beckon/+/stores/+/scanners/+/sightings", 0, (t, m) -> heard.add(t));

        String topic = "beckon/" + shopId + "/stores/" + storeId + "/scanners/store-app/sightings";
        String hamburgTopic = "beckon/" + shopId + "/stores/" + hamburgId + "/scanners/store-app/sightings";
        MqttClient phone = connect("it-store-app", credential.getString("username"), credential.getString("password"));
        try {
            // the broker drops a publish outside the scanner's own topic: at QoS 1 no PUBACK ever comes
            phone.setTimeToWait(2000);
            assertThatThrownBy(() -> phone.publish(hamburgTopic, ("{\"v\":1,\"installId\":\"" + PHONE
                    + "\",\"sightings\":[{\"ts\":\"" + Instant.now() + "\",\"rssi\":-55,\"beacon\":\""
                    + beacon(7) + "\"}]}").getBytes(StandardCharsets.UTF_8), 1, false))
                    .isInstanceOf(MqttException.class)
                    .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                            .isEqualTo((int) MqttException.REASON_CODE_CLIENT_TIMEOUT));
            phone.setTimeToWait(-1);
            int[] noise = {0, -2, 1, -1, 2, 0, -3, 1, 2, -1};
            // the phone ranges every 500 ms: each reading is scheduled at its own time and stamped when sent
            ScheduledExecutorService ranging = Executors.newSingleThreadScheduledExecutor();
            List<ScheduledFuture<Void>> readings = new ArrayList<>();
            try {
                int tick = 0;
                for (int zone = 0; zone < 3; zone++) {
                    for (int reading = 0; reading < 10; reading++) {
                        int rssi = -62 + noise[reading];
                        String beacon = beacon(zone + 1);
                        boolean withNoise = reading == 3;
                        readings.add(ranging.schedule(() -> {
                            publish(phone, topic, "{\"v\":1,\"installId\":\"" + PHONE + "\",\"sightings\":[{\"ts\":\""
                                    + Instant.now() + "\",\"rssi\":" + rssi + ",\"beacon\":\"" + beacon + "\"}]}");
                            if (withNoise) {
                                publishNoise(phone, topic, shopId, storeId);
                            }
                            return null;
                        }, 500L * tick++, TimeUnit.MILLISECONDS));
                    }
                }
                for (ScheduledFuture<Void> reading : readings) {
                    reading.get(60, TimeUnit.SECONDS);
                }
            } finally {
                ranging.shutdownNow();
            }
        } finally {
            phone.disconnect(100);
            phone.close();
        }
        listener.disconnect(100);
        listener.close();
        assertThat(heard).contains(topic).doesNotContain(hamburgTopic);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<JsonObject> entered = jsonArray(get(key, "api/shops/" + shopId + "/events?limit=200").body())
                    .getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("type").equals("ZoneEntered"))
                    .toList();
            assertThat(entered).allSatisfy(e -> assertThat(e.getString("source")).isEqualTo("beacon-gateway"));
            assertThat(entered).extracting(e -> e.getJsonObject("payload").getJsonObject("zone").getString("value"))
                    .containsExactly("checkout", "shoes", "entrance");
        });

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonObject page = json(get(key, store + "/visits").body());
            JsonArray visits = page.getJsonArray("visits");
            assertThat(visits).hasSize(1);
            assertThat(page.get("nextCursor")).isEqualTo(JsonValue.NULL);
            JsonObject visit = visits.getJsonObject(0);
            assertThat(visit.getString("device")).isEqualTo(PHONE);
            assertThat(visit.getBoolean("ended")).isTrue();
            List<JsonObject> events = visit.getJsonArray("events").getValuesAs(JsonObject.class);
            List<String> steps = events.stream()
                    .filter(e -> !e.getString("type").equals("ZoneDwelled"))
                    .map(e -> e.getString("type") + (e.get("zoneId") == JsonValue.NULL ? ""
                            : " " + e.getString("zoneId")))
                    .toList();
            assertThat(steps).containsExactly("VisitStarted", "ZoneEntered entrance", "ZoneExited entrance",
                    "ZoneEntered shoes", "ZoneExited shoes", "ZoneEntered checkout", "ZoneExited checkout",
                    "VisitEnded");
            assertThat(events).extracting(e -> Instant.parse(e.getString("at"))).isSorted();
        });
        assertThat(json(get(key, hamburg + "/visits").body()).getJsonArray("visits")).isEmpty();
        assertThat(get(key, store + "/visits?limit=0").statusCode()).isEqualTo(400);
        assertThat(get(key, store + "/visits?limit=many").statusCode()).isEqualTo(400);
        assertThat(get(key, store + "/visits?cursor=not-a-cursor").statusCode()).isEqualTo(400);

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(url("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("beckon_gateway_ingest_dropped").contains("MALFORMED_JSON");
        // the embedded Moquette speaks MQTT 3.1.1 only: version=auto fell back from 5
        assertThat(metrics.body()).containsPattern("beckon_gateway_mqtt_protocol\\{[^}]*protocol=\"3\\.1\\.1\"[^}]*} 1")
                .containsPattern("beckon_gateway_mqtt_protocol\\{[^}]*protocol=\"5\"[^}]*} 0");
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(url("health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.body()).containsPattern("\"gatewayMqtt\"\\s*:\\s*\"connected \\(MQTT 3\\.1\\.1\\)\"");

        assertThat(get(key, stores + "/no-such-store/visits").statusCode()).isEqualTo(404);
    }

    @Test
    void anOptedInShopperLingeringAtTheShoeWallGetsOneOfferPerCooldown() throws Exception {
        JsonObject shop = createShop("instore.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        String shopApi = "api/shops/" + shopId;
        // the IT runs at any hour: this shop sends around the clock (a start equal to the end: no quiet hours)
        HttpResponse<String> settings = put(key, shopApi + "/settings",
                "{\"timeZone\": \"Europe/Berlin\", \"quietHours\": {\"start\": \"00:00\", \"end\": \"00:00\"}}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        // the merchant lets the offer come after 10 s at a zone instead of the shipped 30 s
        String journeyPath = shopApi + "/journeys/in-store-offer";
        JsonObject journey = json(get(key, journeyPath).body());
        JsonArray offerSteps = journey.getJsonArray("steps");
        JsonObject dwellStep = offerSteps.getJsonObject(0);
        assertThat(dwellStep.getJsonObject("when").getString("path")).isEqualTo("event.dwell");
        assertThat(dwellStep.getJsonObject("when").getString("value")).isEqualTo("PT30S");
        HttpResponse<String> shortened = put(key, journeyPath, Json.createObjectBuilder(journey).add("steps",
                Json.createArrayBuilder(offerSteps).set(0, Json.createObjectBuilder(dwellStep).add("when",
                        Json.createObjectBuilder(dwellStep.getJsonObject("when")).add("value", DWELL)))).build()
                .toString());
        assertThat(shortened.statusCode()).as(shortened.body()).isEqualTo(200);
        assertThat(json(get(key, journeyPath).body()).getJsonArray("steps").getJsonObject(0).getJsonObject("when")
                .getString("value")).isEqualTo(DWELL);

        HttpResponse<String> created = post(key, shopApi + "/stores", "{\"name\":\"Munich\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String storeId = json(created.body()).getString("id");
        String store = shopApi + "/stores/" + storeId;
        String[] zones = {"entrance", "shoes", "checkout"};
        List<MqttClient> nodes = new ArrayList<>();
        for (int i = 0; i < zones.length; i++) {
            assertThat(post(key, store + "/zones", "{\"name\":\"" + zones[i] + "\"}").statusCode()).isEqualTo(201);
            assertThat(post(key, store + "/beacons", "{\"key\":\"ibeacon:" + UUID + ":2:" + (i + 1)
                    + "\",\"zoneId\":\"" + zones[i] + "\",\"rssiAt1m\":-59}").statusCode()).isEqualTo(201);
            HttpResponse<String> node = post(key, store + "/scanners", "{\"id\":\"esp-" + zones[i] + "\",\"zoneId\":\""
                    + zones[i] + "\",\"espresenseRoom\":\"" + room(zones[i]) + "\",\"rssiAt1m\":-59}");
            assertThat(node.statusCode()).as(node.body()).isEqualTo(201);
            HttpResponse<String> issued = post(key, store + "/scanners/esp-" + zones[i] + "/credentials", "");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            nodes.add(connect("it-esp-" + zones[i], json(issued.body()).getString("username"),
                    json(issued.body()).getString("password")));
        }

        // Ann opted in inside the app; Bob opted in, then withdrew
        String apps = shopApi + "/apps/";
        HttpResponse<String> annOptIn = put(key, apps + ANN + "/opt-in", "{\"optIn\":true,\"device\":\"" + ANN_BEACON
                + "\"}");
        assertThat(annOptIn.statusCode()).as(annOptIn.body()).isEqualTo(200);
        assertThat(json(annOptIn.body()).getString("device"))
                .isEqualTo("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:7");
        assertThat(put(key, apps + BOB + "/opt-in", "{\"optIn\":true,\"device\":\"" + BOB_BEACON + "\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> bobWithdrew = put(key, apps + BOB + "/opt-in", "{\"optIn\":false,\"device\":\""
                + BOB_BEACON + "\"}");
        assertThat(bobWithdrew.statusCode()).as(bobWithdrew.body()).isEqualTo(200);
        assertThat(json(bobWithdrew.body()).getBoolean("optIn")).isFalse();
        HttpResponse<String> claimed = put(key, apps + "mallory-install/opt-in", "{\"optIn\":true,\"device\":\""
                + ANN_BEACON + "\"}");
        assertThat(claimed.statusCode()).isEqualTo(409);
        assertThat(claimed.body()).contains("another app install");
        HttpResponse<String> noChoice = put(key, apps + ANN + "/opt-in", "{\"device\":\"" + ANN_BEACON + "\"}");
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("optIn");
        assertThat(put(key, apps + "$bad/opt-in", "{\"optIn\":true}").statusCode()).isEqualTo(400);
        assertThat(put(key, apps + ANN + "/opt-in", "{\"optIn\":").statusCode()).isEqualTo(400);

        BlockingQueue<JsonObject> annOffers = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> bobOffers = new LinkedBlockingQueue<>();
        MqttClient annApp = subscribedApp(key, shopId, ANN, annOffers);
        MqttClient bobApp = subscribedApp(key, shopId, BOB, bobOffers);
        try {
            walk(nodes, List.of(ANN_BEACON, BOB_BEACON));
            List<JsonObject> firstVisits = awaitEndedVisits(key, store, 2);
            assertThat(firstVisits).extracting(v -> v.getString("device")).containsExactlyInAnyOrder(ANN, BOB);
            for (JsonObject visit : firstVisits) {
                assertThat(steps(visit)).as(visit.toString()).containsExactly("VisitStarted", "ZoneEntered entrance",
                        "ZoneExited entrance", "ZoneEntered shoes", "ZoneDwelled shoes " + DWELL, "ZoneExited shoes",
                        "ZoneEntered checkout", "ZoneExited checkout", "VisitEnded");
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(annOffers).as(get(key, shopApi + "/messages").body()).hasSize(1));
            JsonObject offer = annOffers.peek();
            assertThat(offer.getString("shopId")).isEqualTo(shopId);
            assertThat(offer.getJsonObject("offer").getString("text")).contains("Show the code");
            String offerId = offer.getString("messageId");

            // what the merchant sees: Ann's offer sent over MQTT, Bob's skipped for want of consent
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<JsonObject> messages = jsonArray(get(key, shopApi + "/messages").body())
                        .getValuesAs(JsonObject.class);
                assertThat(messages).filteredOn(m -> m.getString("journey").equals("in-store-offer")).hasSize(2);
                JsonObject toAnn = messages.stream().filter(m -> ANN.equals(m.getString("to", null))).findFirst()
                        .orElseThrow();
                assertThat(toAnn.getString("id")).isEqualTo(offerId);
                assertThat(toAnn.getString("channel")).isEqualToIgnoringCase("app");
                assertThat(toAnn.getString("state")).isIn("sent", "delivered");
                JsonObject toBob = messages.stream().filter(m -> BOB.equals(m.getString("to", null))).findFirst()
                        .orElseThrow();
                assertThat(toBob.getString("state")).isEqualTo("skipped");
                assertThat(toBob.getString("reason")).contains("no app marketing consent").contains("unsubscribed");
            });
            assertThat(bobOffers).isEmpty();

            // a second walk inside the journey's 4 h cooldown: a new visit, a new dwell, no second offer
            walk(nodes, List.of(ANN_BEACON));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<JsonObject> timeline = jsonArray(get(key, shopApi + "/shoppers/device-" + ANN + "/timeline")
                        .body()).getValuesAs(JsonObject.class);
                assertThat(timeline).filteredOn(e -> e.getString("kind").equals("DECISION"))
                        .filteredOn(e -> e.getJsonObject("details").getString("journey").equals("in-store-offer"))
                        .extracting(e -> e.getString("summary"))
                        .anySatisfy(summary -> assertThat(summary).startsWith("skip by re-entry cooldown"));
            });
            List<JsonObject> annVisits = awaitEndedVisits(key, store, 3).stream()
                    .filter(v -> v.getString("device").equals(ANN)).toList();
            assertThat(annVisits).hasSize(2);
            assertThat(steps(annVisits.get(0))).contains("ZoneDwelled shoes " + DWELL);
            assertThat(annOffers).hasSize(1);
            assertThat(jsonArray(get(key, shopApi + "/messages").body()).getValuesAs(JsonObject.class))
                    .filteredOn(m -> m.getString("journey").equals("in-store-offer")).hasSize(2);

            // Ann signs in and accepts the app's terms: her visits are kept as a consenting customer's
            HttpResponse<String> linked = put(key, store + "/devices/" + ANN + "/shopper",
                    "{\"shopperId\":\"customer-7\"}");
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
            assertThat(json(linked.body()).getInt("visitsLinked")).isEqualTo(2);
            assertThat(jsonArray(json(get(key, store + "/visits").body()).getJsonArray("visits").toString())
                    .getValuesAs(JsonObject.class)).filteredOn(v -> v.getString("device").equals(ANN))
                    .extracting(v -> v.getString("shopperId")).containsExactly("customer-7", "customer-7");
            assertThat(put(key, store + "/devices/" + ANN + "/shopper", "{}").statusCode()).isEqualTo(400);
            HttpResponse<String> stranger = put(key, store + "/devices/nobody/shopper", "{\"shopperId\":\"c-1\"}");
            assertThat(stranger.statusCode()).isEqualTo(404);
            assertThat(stranger.body()).contains("no recorded visit");
            assertThat(put(key, shopApi + "/stores/no-such-store/devices/" + ANN + "/shopper",
                    "{\"shopperId\":\"c-1\"}").statusCode()).isEqualTo(404);
        } finally {
            for (MqttClient client : List.of(annApp, bobApp)) {
                client.disconnect(100);
                client.close();
            }
            for (MqttClient node : nodes) {
                node.disconnect(100);
                node.close();
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String beacon(int minor) {
        return "ibeacon:" + UUID + ":1:" + minor;
    }

    /** Bad input a real broker carries too: truncated JSON, stale and impossible readings, strangers, garbage. */
    private void publishNoise(MqttClient phone, String topic, String shopId, String storeId) throws Exception {
        publish(phone, topic, "{\"v\":1,\"sightings\":[{\"ts\":");
        publish(phone, topic, "{\"v\":1,\"installId\":\"" + PHONE + "\",\"sightings\":[{\"ts\":\""
                + Instant.now().minusSeconds(600) + "\",\"rssi\":-60,\"beacon\":\"" + beacon(1)
                + "\"},{\"ts\":\"" + Instant.now() + "\",\"rssi\":12,\"beacon\":\"" + beacon(2)
                + "\"}]}");
        publish(phone, "beckon/" + shopId + "/stores/" + storeId + "/scanners/stranger/sightings",
                "{\"sightings\":[]}");
        publish(phone, "espresense/devices/phone:ann/kitchen", "\u0000\u0001 not json");
    }

    private static String room(String zone) {
        return "it-munich-" + zone;
    }

    /** The app install with its own MQTT credential, subscribed (QoS 1) to its offers topic. */
    private MqttClient subscribedApp(String key, String shopId, String install, BlockingQueue<JsonObject> offers)
            throws Exception {
        HttpResponse<String> issued = post(key, "api/shops/" + shopId + "/apps/" + install + "/credentials", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        MqttClient app = connect("it-app-" + install, json(issued.body()).getString("username"),
                json(issued.body()).getString("password"));
        app.subscribe("beckon/" + shopId + "/apps/" + install + "/offers", 1,
                (topic, message) -> offers.add(json(new String(message.getPayload(), StandardCharsets.UTF_8))));
        return app;
    }

    /**
     * The phones walk together: 2 s at the entrance, 14 s at the shoe wall, 5 s at the checkout, then leave. Every
     * 500 ms each ESPresense node reports each phone, about -60 dBm from the node it stands at and -85 dBm from the
     * others, as current firmware does (no timestamp: the gateway stamps it).
     */
    private static void walk(List<MqttClient> nodes, List<String> phones) throws Exception {
        int[] halfSeconds = {4, 28, 10};
        int[] noise = {0, -2, 1, -1, 2, 0, -3, 1, 2, -1};
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        List<ScheduledFuture<Void>> ticks = new ArrayList<>();
        try {
            int tick = 0;
            for (int at = 0; at < halfSeconds.length; at++) {
                for (int i = 0; i < halfSeconds[at]; i++) {
                    int here = at;
                    int jitter = noise[tick % noise.length];
                    ticks.add(ticker.schedule(() -> {
                        for (int node = 0; node < nodes.size(); node++) {
                            for (String phone : phones) {
                                double rssi = (node == here ? -60 : -85) + jitter;
                                String room = nodes.get(node).getClientId().substring("it-esp-".length());
                                nodes.get(node).publish("espresense/devices/" + phone + "/" + room(room),
                                        String.format(java.util.Locale.ROOT, "{\"mac\":\"4f1a2b3c4d5e\",\"id\":"
                                                + "\"%s\",\"rssi@1m\":-59,\"rssi\":%.2f,\"rxAdj\":0,\"rssiVar\":1.2,"
                                                + "\"distance\":%.2f,\"var\":0.04,\"int\":305}", phone, rssi,
                                                Math.pow(10, (-59 - rssi) / 27.0)).getBytes(StandardCharsets.UTF_8),
                                        0, false);
                            }
                        }
                        return null;
                    }, 500L * tick++, TimeUnit.MILLISECONDS));
                }
            }
            for (ScheduledFuture<Void> each : ticks) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            ticker.shutdownNow();
        }
    }

    /** The store's visits, newest first, once {@code count} of them have ended. */
    private List<JsonObject> awaitEndedVisits(String key, String store, int count) {
        List<List<JsonObject>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<JsonObject> visits = json(get(key, store + "/visits").body()).getJsonArray("visits")
                    .getValuesAs(JsonObject.class);
            assertThat(visits).as(visits.toString()).hasSize(count)
                    .allSatisfy(v -> assertThat(v.getBoolean("ended")).isTrue());
            found.add(visits);
        });
        return found.get(found.size() - 1);
    }

    /** A visit's events as "type zone" (and the dwell for dwells). */
    private static List<String> steps(JsonObject visit) {
        return visit.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type") + (e.get("zoneId") == JsonValue.NULL ? "" : " " + e.getString("zoneId"))
                        + (e.get("dwell") == null || e.get("dwell") == JsonValue.NULL ? "" : " " + e.getString("dwell")))
                .toList();
    }

    private static MqttClient connect(String clientId, String username, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + MQTT_PORT, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static void publish(MqttClient client, String topic, String payload) throws Exception {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
    }

    private JsonObject createShop(String domain) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("api/shops"))
                .header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"shopify\",\"domain\":\"" + domain
                        + "\",\"webhookSecret\":\"shpss_beacon_it\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body());
    }

    private HttpResponse<String> post(String key, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String key, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String key, String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + key).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The deployment's loopback URL; the adapter reports the host's first interface address. */
    private URI url(String path) {
        return URI.create("http://localhost:" + deployed.getPort() + "/" + path);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonArray jsonArray(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- pairing by proximity ------------------------------------------------------------------------------

    /**
     * Staff put a new beacon next to the store's tablet while another unpaired beacon sits farther away: the
     * tablet's scanner proposes the near one, staff confirm it into the till zone, it is listed as paired, leaves
     * the proposals, and the tablet hearing it now enters the till zone.
     */
    @Test
    void aBeaconPutNextToAScannerIsProposedConfirmedAndThenCounts() throws Exception {
        JsonObject shop = createShop("proposals.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        HttpResponse<String> created = post(key, "api/shops/" + shopId + "/stores", "{\"name\":\"Potsdam\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String storeId = json(created.body()).getString("id");
        String store = "api/shops/" + shopId + "/stores/" + storeId;
        assertThat(post(key, store + "/zones", "{\"name\":\"Till\"}").statusCode()).isEqualTo(201);
        assertThat(post(key, store + "/scanners", "{\"id\":\"tablet\"}").statusCode()).isEqualTo(201);
        assertThat(post(key, store + "/scanners", "{\"id\":\"door-node\"}").statusCode()).isEqualTo(201);
        JsonObject credential = json(post(key, store + "/scanners/tablet/credentials", "").body());
        String near = "ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949";
        String far = "ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:9999:9999";

        assertThat(get(key, store + "/scanners/nobody/proposals").statusCode()).isEqualTo(404);
        assertThat(get(key, "api/shops/" + shopId + "/stores/no-such-store/scanners/tablet/proposals").statusCode())
                .isEqualTo(404);
        JsonObject silent = json(get(key, store + "/scanners/door-node/proposals").body());
        assertThat(silent.get("proposed")).isEqualTo(JsonValue.NULL);
        assertThat(silent.getString("reason")).isEqualTo("NOTHING_HEARD");
        HttpResponse<String> nothing = post(key, store + "/scanners/door-node/proposals/confirm",
                "{\"zoneId\":\"till\"}");
        assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(409);
        assertThat(nothing.body()).contains("NOTHING_HEARD");

        String topic = "beckon/" + shopId + "/stores/" + storeId + "/scanners/tablet/sightings";
        MqttClient tablet = connect("it-tablet", credential.getString("username"), credential.getString("password"));
        try {
            // raw iBeacon frames: the BlueCharm (measured power -59) held at the tablet, the RDL52832 across the room
            for (int reading = 0; reading < 4; reading++) {
                String ts = "\"" + Instant.now() + "\"";
                publish(tablet, topic, "{\"v\":1,\"installId\":\"staff-tablet\",\"sightings\":["
                        + "{\"ts\":" + ts + ",\"rssi\":" + (-46 - reading % 2) + ",\"mfg\":"
                        + "\"4c000215426c7565436861726d426561636f6e730efe1355c5\"},"
                        + "{\"ts\":" + ts + ",\"rssi\":-74,\"mfg\":\"4c000215fda50693a4e24fb1afcfc6eb07647825270f270fd8\"}]}");
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonObject proposals = json(get(key, store + "/scanners/tablet/proposals").body());
                assertThat(proposals.getString("proposed")).as(proposals.toString()).isEqualTo(near);
                List<JsonObject> beacons = proposals.getJsonArray("beacons").getValuesAs(JsonObject.class);
                assertThat(beacons).extracting(b -> b.getString("key")).containsExactly(near, far);
                assertThat(beacons).extracting(b -> b.getBoolean("proposed")).containsExactly(true, false);
                assertThat(beacons.get(0).getString("kind")).isEqualTo("IBEACON");
                assertThat(beacons.get(0).getInt("measuredPower")).isEqualTo(-59);
                assertThat(beacons.get(0).getInt("sightings")).isEqualTo(4);
                assertThat(proposals.getJsonNumber("marginDb").doubleValue()).isGreaterThanOrEqualTo(8);
            });

            assertThat(post(key, store + "/scanners/tablet/proposals/confirm", "{\"zoneId\":\"till\",\"key\":\""
                    + far + "\"}").statusCode()).isEqualTo(409);
            assertThat(post(key, store + "/scanners/tablet/proposals/confirm", "{\"zoneId\":\"nowhere\"}")
                    .statusCode()).isEqualTo(400);
            HttpResponse<String> confirmed = post(key, store + "/scanners/tablet/proposals/confirm",
                    "{\"zoneId\":\"till\",\"key\":\"" + near + "\"}");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
            assertThat(json(confirmed.body()).getString("key")).isEqualTo(near);
            assertThat(json(confirmed.body()).get("rssiAt1m")).as("the frame's measured power is used")
                    .isEqualTo(JsonValue.NULL);

            List<JsonObject> paired = jsonArray(get(key, store + "/beacons").body()).getValuesAs(JsonObject.class);
            assertThat(paired).extracting(b -> b.getString("key") + " " + b.getString("zoneId"))
                    .containsExactly(near + " till");
            JsonObject after = json(get(key, store + "/scanners/tablet/proposals").body());
            assertThat(after.getJsonArray("beacons").getValuesAs(JsonObject.class))
                    .extracting(b -> b.getString("key")).containsExactly(far);

            // the tablet (the store app) ranging the now paired beacon every 500 ms: a visit enters the till
            ScheduledExecutorService ranging = Executors.newSingleThreadScheduledExecutor();
            List<ScheduledFuture<Void>> readings = new ArrayList<>();
            try {
                for (int reading = 0; reading < 8; reading++) {
                    readings.add(ranging.schedule(() -> {
                        publish(tablet, topic, "{\"v\":1,\"installId\":\"staff-tablet\",\"sightings\":[{\"ts\":\""
                                + Instant.now() + "\",\"rssi\":-58,\"mfg\":"
                                + "\"4c000215426c7565436861726d426561636f6e730efe1355c5\"}]}");
                        return null;
                    }, 500L * reading, TimeUnit.MILLISECONDS));
                }
                for (ScheduledFuture<Void> reading : readings) {
                    reading.get(30, TimeUnit.SECONDS);
                }
            } finally {
                ranging.shutdownNow();
            }
        } finally {
            tablet.disconnect(100);
            tablet.close();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonArray visits = json(get(key, store + "/visits").body()).getJsonArray("visits");
            assertThat(visits).hasSize(1);
            assertThat(visits.getJsonObject(0).getString("device")).isEqualTo("staff-tablet");
            assertThat(visits.getJsonObject(0).getJsonArray("events").getValuesAs(JsonObject.class))
                    .extracting(e -> e.getString("type") + (e.get("zoneId") == JsonValue.NULL ? ""
                            : " " + e.getString("zoneId")))
                    .contains("VisitStarted", "ZoneEntered till");
        });
    }
}
