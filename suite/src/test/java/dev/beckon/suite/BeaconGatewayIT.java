package dev.beckon.suite;

import jakarta.json.Json;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shopper's walk through a store, end to end in a real Payara Micro: the merchant registers a store, three zones,
 * the store app as a roaming scanner and one beacon per zone; the app publishes what the phone hears to the
 * embedded MQTT broker while it walks past the entrance, the shoe wall and the checkout, with malformed messages in
 * between; the zone events reach the shop's events and the visit is shown with its enters, exits and end. The
 * zone timing is shortened by configuration so the walk takes about 15 s.
 */
@ExtendWith(ArquillianExtension.class)
class BeaconGatewayIT {

    static final String OPERATOR = "it-operator-token-0123456789";
    static final int MQTT_PORT = freePort();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String UUID = "2f234454-cf6d-4a0f-adf2-f4911ba9ffa6";
    static final String PHONE = "ann-phone-install-1";

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
                "beckon.engine.poll-interval=PT0.2S",
                "beckon.gateway.zones.hold=PT1S",
                "beckon.gateway.zones.switch-hold=PT2S",
                "beckon.gateway.zones.freshness=PT3S",
                "beckon.gateway.zones.exit-after=PT4S",
                "beckon.gateway.zones.visit-timeout=PT8S",
                "beckon.gateway.zones.dwell-marks=PT2S",
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

        for (String zone : List.of("Entrance", "Shoes", "Checkout")) {
            HttpResponse<String> zoneCreated = post(key, store + "/zones", "{\"name\":\"" + zone + "\"}");
            assertThat(zoneCreated.statusCode()).as(zoneCreated.body()).isEqualTo(201);
        }
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

        JsonArray zoneList = jsonArray(get(key, store + "/zones").body());
        assertThat(zoneList.getValuesAs(JsonObject.class)).extracting(z -> z.getString("id"))
                .containsExactly("entrance", "shoes", "checkout");
        assertThat(zoneList.getJsonObject(1).getString("name")).isEqualTo("Shoes");
        assertThat(jsonArray(get(key, store + "/beacons").body())).hasSize(3);
        assertThat(jsonArray(get(key, store + "/scanners").body())).hasSize(1);
        assertThat(jsonArray(get(key, stores).body()).getJsonObject(0).getString("timeZone"))
                .isEqualTo("Europe/Berlin");

        String topic = "beckon/" + shopId + "/stores/" + storeId + "/scanners/store-app/sightings";
        MqttClient phone = new MqttClient("tcp://127.0.0.1:" + MQTT_PORT, "it-store-app", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        phone.connect(options);
        try {
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
            phone.disconnect();
            phone.close();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonObject> entered = jsonArray(get(key, "api/shops/" + shopId + "/events?limit=200").body())
                    .getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("type").equals("ZoneEntered"))
                    .toList();
            assertThat(entered).allSatisfy(e -> assertThat(e.getString("source")).isEqualTo("beacon-gateway"));
            assertThat(entered).extracting(e -> e.getJsonObject("payload").getJsonObject("zone").getString("value"))
                    .containsExactly("checkout", "shoes", "entrance");
        });

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonArray visits = jsonArray(get(key, store + "/visits").body());
            assertThat(visits).hasSize(1);
            JsonObject visit = visits.getJsonObject(0);
            assertThat(visit.getString("device")).isEqualTo(PHONE);
            assertThat(visit.getBoolean("ended")).isTrue();
            List<String> steps = visit.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .filter(e -> !e.getString("type").equals("ZoneDwelled"))
                    .map(e -> e.getString("type") + (e.get("zoneId") == JsonValue.NULL ? ""
                            : " " + e.getString("zoneId")))
                    .toList();
            assertThat(steps).containsExactly("ZoneEntered entrance", "ZoneExited entrance", "ZoneEntered shoes",
                    "ZoneExited shoes", "ZoneEntered checkout", "ZoneExited checkout", "VisitEnded");
        });

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(url("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("beckon_gateway_ingest_dropped").contains("MALFORMED_JSON");

        assertThat(get(key, stores + "/no-such-store/visits").statusCode()).isEqualTo(404);
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
}
