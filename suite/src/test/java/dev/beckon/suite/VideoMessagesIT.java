package dev.beckon.suite;

import dev.beckon.suite.video.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Thank-you videos end to end in a real Payara Micro with a real ffmpeg: a merchant uploads a clip, it is
 * transcoded, a link is issued, the shopper's landing page and the video stream answer as Safari and Chrome need
 * (Range, If-Range, 416), a play beacon is counted, while a WhatsApp preview fetch and a bot's beacon are not; a
 * renamed text file is refused. A recording task past due gets the shop's fallback linked; a burned-in render asked
 * for twice is rendered once and streams; a revoked link is gone; an erasure removes the shopper's render and links;
 * headless Chromium plays the real landing page and the suite counts its play and 25 % beacons. An order's
 * thank-you run waits for its recording task's video and mails the link once staff record it, or, for a shop with a
 * template clip, mails a personalised link at once, with preview images under the same token. Skipped, with the
 * reason, where ffmpeg (or, for the browser test, chromium) is missing, and failed then when CI=true.
 */
@ExtendWith(ArquillianExtension.class)
class VideoMessagesIT {

    static final String OPERATOR = "it-operator-token-0123456789";
    static final int MQTT_PORT = freePort();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String WHATSAPP = "WhatsApp/2.23.20.0";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
        Path dataDir = Files.createTempDirectory("beckon-video-it-data");
        String config = String.join("\n",
                "config_ordinal=500",
                "beckon.data-dir=" + dataDir,
                "beckon.mqtt.port=" + MQTT_PORT,
                "beckon.video.upload-cap-bytes=20971520",
                "beckon.video.max-duration=PT30S",
                "beckon.video.transcode-timeout=PT2M",
                "beckon.video.fallback-interval=PT1S");
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(config), "microprofile-config.properties"));
    }

    @Test
    void anUploadedClipIsTranscodedLinkedStreamedAndCounted() throws Exception {
        Path clip = testClip();
        JsonObject shop = createShop("video.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");

        HttpResponse<String> uploaded = upload(shopId, key, "thanks.mp4", "video/mp4", Files.readAllBytes(clip));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String videoId = json(uploaded.body()).getString("id");
        assertThat(json(uploaded.body()).getString("state")).isIn("transcoding", "ready");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(video(shopId, key, videoId).getString("state")).isEqualTo("ready"));
        JsonObject ready = video(shopId, key, videoId);
        assertThat(ready.getJsonNumber("durationSeconds").doubleValue()).isBetween(2.5, 3.5);
        assertThat(ready.getInt("width")).isEqualTo(1280);
        assertThat(ready.getInt("height")).isEqualTo(720);
        assertThat(ready.getInt("views")).isZero();

        HttpResponse<String> issued = send(HttpRequest.newBuilder(url("api/shops/" + shopId + "/videos/" + videoId
                        + "/links")).header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Ann\",\"orderId\":\"1001\","
                        + "\"expiresIn\":\"P7D\"}")));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = json(issued.body()).getString("token");
        assertThat(json(issued.body()).getString("url")).isEqualTo("/v/" + token);

        HttpResponse<String> page = send(HttpRequest.newBuilder(url("v/" + token)).header("User-Agent", IPHONE).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(v -> assertThat(v).contains("noindex"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("Ann").contains("playsinline").contains("/v/" + token + "/video.mp4")
                .contains("og:image");

        String video = "v/" + token + "/video.mp4";
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(url(video))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("video/mp4"));
        String etag = head.headers().firstValue("ETag").orElseThrow();
        long length = Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow());
        assertThat(length).isGreaterThan(1000);

        HttpResponse<byte[]> probe = range(video, "bytes=0-1", null);
        assertThat(probe.statusCode()).isEqualTo(206);
        assertThat(probe.headers().firstValue("Content-Range")).hasValue("bytes 0-1/" + length);
        assertThat(probe.headers().firstValue("Content-Length")).hasValue("2");
        assertThat(probe.body()).hasSize(2);

        HttpResponse<byte[]> whole = range(video, "bytes=0-", null);
        assertThat(whole.statusCode()).isEqualTo(206);
        assertThat(whole.headers().firstValue("Content-Range")).hasValue("bytes 0-" + (length - 1) + "/" + length);
        assertThat(whole.body()).hasSize((int) length);
        assertThat(new String(whole.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(whole.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> tail = range(video, "bytes=" + (length - 100) + "-", etag);
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).hasSize(100);

        HttpResponse<byte[]> empty = range(video, "bytes=-0", null);
        assertThat(empty.statusCode()).isEqualTo(416);
        assertThat(empty.headers().firstValue("Content-Range")).hasValue("bytes */" + length);

        HttpResponse<byte[]> stale = range(video, "bytes=0-1", "\"an-older-version\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("Content-Length")).hasValue(Long.toString(length));
        assertThat(stale.body()).hasSize((int) length);

        HttpResponse<String> preview = send(HttpRequest.newBuilder(url("v/" + token)).header("User-Agent", WHATSAPP)
                .GET());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("og:title").contains("og:image");
        HttpResponse<String> botBeacon = beacon(token, WHATSAPP, "play");
        assertThat(botBeacon.statusCode()).isEqualTo(204);
        assertThat(video(shopId, key, videoId).getInt("views")).isZero();

        assertThat(beacon(token, IPHONE, "play").statusCode()).isEqualTo(204);
        assertThat(beacon(token, IPHONE, "100").statusCode()).isEqualTo(204);
        assertThat(beacon(token, IPHONE, "rewind").statusCode()).isEqualTo(400);
        JsonObject counted = video(shopId, key, videoId);
        assertThat(counted.getInt("views")).isEqualTo(1);
        assertThat(counted.getInt("completions")).isEqualTo(1);

        // the reply box: the message lands in the shop's conversations inbox; an empty one is refused
        assertThat(send(HttpRequest.newBuilder(url("v/" + token)).header("User-Agent", IPHONE).GET()).body())
                .contains("action=\"/v/" + token + "/reply\"");
        HttpResponse<String> replied = send(HttpRequest.newBuilder(url("v/" + token + "/reply"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("message=" + URLEncoder.encode(
                        "Thanks! <b>Does it come in blue?</b>", StandardCharsets.UTF_8))));
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
        assertThat(replied.body()).contains("your message is on its way");
        HttpResponse<String> blank = send(HttpRequest.newBuilder(url("v/" + token + "/reply"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("message=+++")));
        assertThat(blank.statusCode()).isEqualTo(400);
        JsonObject inbox = SuiteClient.array(get("api/shops/" + shopId + "/conversations", key).body())
                .getJsonObject(0);
        assertThat(inbox.getString("channel")).isEqualTo("video");
        assertThat(inbox.getString("body")).isEqualTo("Thanks! <b>Does it come in blue?</b>");

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(url("v/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("video.myshopify.com");
        assertThat(range("v/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/video.mp4", "bytes=0-1", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRenamedTextFileIsNotAVideo() throws Exception {
        JsonObject shop = createShop("not-video.myshopify.com");
        HttpResponse<String> refused = upload(shop.getString("id"), shop.getString("apiKey"), "clip.mp4", "video/mp4",
                "Dear customer, thank you for your order!\n".repeat(20).getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(415);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(refused.body()).getString("detail")).isNotBlank();
        assertThat(refused.body()).doesNotContain("Exception");

        HttpResponse<String> otherShop = send(HttpRequest.newBuilder(url("api/shops/" + shop.getString("id")
                + "/videos/" + UUID.randomUUID())).header("Authorization", "Bearer " + shop.getString("apiKey")).GET());
        assertThat(otherShop.statusCode()).isEqualTo(404);
    }

    @Test
    void aTaskPastDueGetsTheFallbackARenderIsMadeOnceAndErasureRemovesTheShoppersVideos() throws Exception {
        Path clip = testClip();
        JsonObject shop = createShop("tasks.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        String clipId = readyVideo(shopId, key, clip);
        String api = "api/shops/" + shopId;

        HttpResponse<String> unknownVideo = post(api + "/video-settings", key, "PUT",
                "{\"fallbackVideoId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknownVideo.statusCode()).as(unknownVideo.body()).isEqualTo(404);
        assertThat(unknownVideo.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> settings = post(api + "/video-settings", key, "PUT",
                "{\"fallbackVideoId\":\"" + clipId + "\",\"templateVideoId\":\"" + clipId + "\"}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(json(settings.body()).getString("fallbackVideoId")).isEqualTo(clipId);
        assertThat(json(settings.body()).getString("templateVideoId")).isEqualTo(clipId);

        // a recording task nobody records in time: the shop's fallback is linked for the order
        HttpResponse<String> badTask = post(api + "/video-tasks", key, "POST",
                "{\"orderId\":\"2001\",\"shopperRef\":\"cust-1\",\"dueAt\":\"tomorrow\"}");
        assertThat(badTask.statusCode()).as(badTask.body()).isEqualTo(400);
        assertThat(json(badTask.body()).getString("detail")).contains("dueAt");
        String later = Instant.now().plus(Duration.ofHours(2)).toString();
        HttpResponse<String> open = post(api + "/video-tasks", key, "POST",
                "{\"orderId\":\"2000\",\"shopperRef\":\"cust-9\",\"firstName\":\"Eve\",\"dueAt\":\""
                        + later + "\"}");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(201);
        String due = Instant.now().plusSeconds(1).toString();
        HttpResponse<String> created = post(api + "/video-tasks", key, "POST",
                "{\"orderId\":\"2001\",\"shopperRef\":\"cust-1\",\"firstName\":\"Cleo\",\"dueAt\":\""
                        + due + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String taskId = json(created.body()).getString("id");
        HttpResponse<String> again = post(api + "/video-tasks", key, "POST",
                "{\"orderId\":\"2001\",\"shopperRef\":\"cust-1\",\"firstName\":\"Cleo\",\"dueAt\":\""
                        + due + "\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).getString("id")).isEqualTo(taskId);
        HttpResponse<String> openTasks = get(api + "/video-tasks?state=open", key);
        assertThat(openTasks.statusCode()).as(openTasks.body()).isEqualTo(200);
        assertThat(SuiteClient.array(openTasks.body()).stream().map(v -> v.asJsonObject().getString("orderId")))
                .contains("2000");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(get(api + "/video-tasks/" + taskId, key).body()).getString("state"))
                        .isEqualTo("fallback"));
        JsonObject settled = json(get(api + "/video-tasks/" + taskId, key).body());
        assertThat(settled.getString("videoId")).isEqualTo(clipId);
        String taskUrl = settled.getJsonObject("link").getString("url");
        HttpResponse<String> taskPage = send(HttpRequest.newBuilder(url(taskUrl.substring(1)))
                .header("User-Agent", IPHONE).GET());
        assertThat(taskPage.statusCode()).isEqualTo(200);
        assertThat(taskPage.body()).contains("Thank you, Cleo!").contains(taskUrl + "/video.mp4");
        assertThat(range(taskUrl.substring(1) + "/video.mp4", "bytes=0-1", null).statusCode()).isEqualTo(206);
        HttpResponse<String> late = post(api + "/video-tasks/" + taskId + "/video", key, "POST",
                "{\"videoId\":\"" + clipId + "\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);

        // a burned-in render, asked for twice (two shoppers of the same name): rendered once, then streamed
        HttpResponse<String> first = post(api + "/renders", key, "POST",
                "{\"shopperRef\":\"cust-1\",\"firstName\":\"Dora\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String renderId = json(first.body()).getString("id");
        HttpResponse<String> second = post(api + "/renders", key, "POST",
                "{\"shopperRef\":\"cust-2\",\"firstName\":\" Dora \"}");
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second.body()).getString("id")).isEqualTo(renderId);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(get(api + "/renders/" + renderId, key).body()).getString("state"))
                        .isEqualTo("ready"));
        JsonObject rendered = json(get(api + "/renders/" + renderId, key).body());
        HttpResponse<String> cached = post(api + "/renders", key, "POST",
                "{\"shopperRef\":\"cust-3\",\"firstName\":\"Dora\"}");
        assertThat(json(cached.body()).getString("id")).isEqualTo(renderId);
        assertThat(json(cached.body()).getString("state")).isEqualTo("ready");
        assertThat(json(cached.body()).getString("updatedAt")).isEqualTo(rendered.getString("updatedAt"));

        HttpResponse<String> renderLink = post(api + "/renders/" + renderId + "/links", key, "POST",
                "{\"shopperRef\":\"cust-1\",\"orderId\":\"2001\"}");
        assertThat(renderLink.statusCode()).as(renderLink.body()).isEqualTo(201);
        String renderToken = json(renderLink.body()).getString("token");
        String renderVideo = "v/" + renderToken + "/video.mp4";
        HttpResponse<byte[]> renderHead = HTTP.send(HttpRequest.newBuilder(url(renderVideo))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(renderHead.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> clipHead = HTTP.send(HttpRequest.newBuilder(url(taskUrl.substring(1) + "/video.mp4"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(renderHead.headers().firstValue("ETag")).as("the render's own file, not the template's")
                .isNotEqualTo(clipHead.headers().firstValue("ETag"));
        long renderLength = Long.parseLong(renderHead.headers().firstValue("Content-Length").orElseThrow());
        HttpResponse<byte[]> renderBytes = range(renderVideo, "bytes=0-", null);
        assertThat(renderBytes.statusCode()).isEqualTo(206);
        assertThat(renderBytes.body()).hasSize((int) renderLength);
        assertThat(new String(renderBytes.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(send(HttpRequest.newBuilder(url("v/" + renderToken)).header("User-Agent", IPHONE).GET()).body())
                .contains("Thank you, Dora!");

        // a revoked link is gone
        HttpResponse<String> plain = post(api + "/videos/" + clipId + "/links", key, "POST", "{\"firstName\":\"Fay\"}");
        String plainToken = json(plain.body()).getString("token");
        String plainId = json(plain.body()).getString("id");
        assertThat(send(HttpRequest.newBuilder(url("v/" + plainToken)).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> badRevoke = send(HttpRequest.newBuilder(url(api + "/videos/links/not-a-link"))
                .header("Authorization", "Bearer " + key).DELETE());
        assertThat(badRevoke.statusCode()).isEqualTo(400);
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(url(api + "/videos/links/" + plainId))
                .header("Authorization", "Bearer " + key).DELETE());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        HttpResponse<String> gone = send(HttpRequest.newBuilder(url("v/" + plainToken)).GET());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("no longer available").doesNotContain("Fay");
        assertThat(range("v/" + plainToken + "/video.mp4", "bytes=0-1", null).statusCode()).isEqualTo(410);

        // erasure: the shopper's render and links go (the shop's template and fallback stay)
        HttpResponse<String> erased = post(api + "/shoppers/cust-1/erase", key, "POST", "");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonObject counts = json(erased.body());
        assertThat(counts.getInt("renders")).isEqualTo(1);
        assertThat(counts.getInt("links")).isEqualTo(2);
        assertThat(counts.getInt("tasks")).isEqualTo(1);
        assertThat(counts.getInt("recordedVideos")).isZero();
        assertThat(get(api + "/renders/" + renderId, key).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(url("v/" + renderToken)).GET()).statusCode()).isIn(404, 410);
        assertThat(range(renderVideo, "bytes=0-1", null).statusCode()).isIn(404, 410);
        assertThat(send(HttpRequest.newBuilder(url(taskUrl.substring(1))).GET()).statusCode()).isIn(404, 410);
        assertThat(get(api + "/video-tasks/" + taskId, key).statusCode()).isEqualTo(404);
        assertThat(video(shopId, key, clipId).getString("state")).isEqualTo("ready");
    }

    @Test
    void theThankYouJourneyWaitsForTheRecordedVideoOrLinksTheTemplateClipAtOnce() throws Exception {
        Path clip = testClip();
        JsonObject shop = createShop("journey-video.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        String api = "api/shops/" + shopId;
        String clipId = readyVideo(shopId, key, clip);

        // no template clip: the order gets a recording task and its run waits for it
        assertThat(order(shopId, "5001", 7001, "Hana", "hana@example.com").statusCode()).isEqualTo(200);
        JsonObject task = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                SuiteClient.array(get(api + "/video-tasks?state=open", key).body()).stream()
                        .map(v -> v.asJsonObject()).filter(t -> "Hana".equals(t.getString("firstName", null)))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(Instant.parse(task.getString("dueAt"))).as("due a little before the step's 24 h fallback")
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(thankYouMessages(shopId, key)).as("nothing is sent before the video exists").isEmpty();

        HttpResponse<String> recorded = post(api + "/video-tasks/" + task.getString("id") + "/video", key, "POST",
                "{\"videoId\":\"" + clipId + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        String taskUrl = json(recorded.body()).getJsonObject("link").getString("url");
        JsonObject recordedMail = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> thankYouMessages(shopId, key).stream().findFirst(), Optional::isPresent).orElseThrow();
        assertThat(recordedMail.getString("channel")).isEqualTo("email");
        assertThat(recordedMail.getString("to")).isEqualTo("hana@example.com");
        assertThat(recordedMail.getString("body")).contains("Hi Hana").contains(taskUrl)
                .contains("We recorded a short message for you: http");
        String taskToken = token(recordedMail.getString("body"));
        assertThat(send(HttpRequest.newBuilder(url("v/" + taskToken)).header("User-Agent", IPHONE).GET()).body())
                .contains("Thank you, Hana!");

        // with a ready template clip, the next order's run goes on at once with a personalised link to it
        HttpResponse<String> settings = post(api + "/video-settings", key, "PUT",
                "{\"templateVideoId\":\"" + clipId + "\"}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(order(shopId, "5002", 7002, "Ivo", "ivo@example.com").statusCode()).isEqualTo(200);
        JsonObject templateMail = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> thankYouMessages(shopId, key).stream()
                        .filter(m -> "ivo@example.com".equals(m.getString("to", null))).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(templateMail.getString("body")).contains("Hi Ivo").contains("/v/");
        String token = token(templateMail.getString("body"));
        assertThat(token).isNotEqualTo(taskToken);
        assertThat(SuiteClient.array(get(api + "/video-tasks?state=open", key).body())).as("no task for it")
                .isEmpty();
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("v/" + token)).header("User-Agent", IPHONE).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thank you, Ivo!").contains("/v/" + token + "/video.mp4");
        HttpResponse<byte[]> stream = range("v/" + token + "/video.mp4", "bytes=0-1", null);
        assertThat(stream.statusCode()).isEqualTo(206);
        assertThat(stream.body()).hasSize(2);

        // the e-mail's preview images come under the same token and are not views
        HttpResponse<byte[]> gif = HTTP.send(HttpRequest.newBuilder(url("v/" + token + "/preview.gif")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gif.statusCode()).isEqualTo(200);
        assertThat(gif.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("image/gif"));
        assertThat(new String(gif.body(), 0, 6, StandardCharsets.US_ASCII)).startsWith("GIF8");
        HttpResponse<byte[]> poster = HTTP.send(HttpRequest.newBuilder(url("v/" + token + "/poster.jpg")).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.body()[0] & 0xff).isEqualTo(0xFF);
        assertThat(poster.body()[1] & 0xff).isEqualTo(0xD8);
        assertThat(video(shopId, key, clipId).getInt("views")).isZero();
        assertThat(HTTP.send(HttpRequest.newBuilder(url("v/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/preview.gif")).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        // Ivo plays his video, then orders again: the thank-you journey's video gets that order, not the first one
        assertThat(beacon(token, IPHONE, "play").statusCode()).isLessThan(300);
        assertThat(beacon(token, IPHONE, "100").statusCode()).isLessThan(300);
        assertThat(order(shopId, "5003", 7002, "Ivo", "ivo@example.com").statusCode()).isEqualTo(200);
        JsonObject thankYou = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                json(get(api + "/video-stats", key).body()).getJsonArray("journeys").getValuesAs(JsonObject.class)
                        .stream().filter(j -> j.getString("journey").equals("thank-you")).findFirst()
                        .filter(j -> j.getInt("attributedOrders") > 0), Optional::isPresent).orElseThrow();
        // Hana's, Ivo's, and the one Ivo's second order got (the thank-you journey has no re-entry cooldown)
        assertThat(thankYou.getJsonObject("videos").getInt("links")).isEqualTo(3);
        assertThat(thankYou.getJsonObject("videos").getInt("plays")).isEqualTo(1);
        assertThat(thankYou.getJsonObject("videos").getJsonNumber("completionRate").doubleValue()).isEqualTo(1.0);
        assertThat(thankYou.getInt("attributedOrders")).isEqualTo(1);
        assertThat(thankYou.getJsonObject("revenue").getJsonNumber("USD").bigDecimalValue())
                .isEqualByComparingTo("89.99");
        assertThat(thankYou.getString("window")).isEqualTo("PT120H");
    }

    @Test
    void headlessChromiumPlaysTheLandingPageAndTheSuiteCountsPlayAnd25() throws Exception {
        Optional<Path> browser = HeadlessChromium.find();
        if (browser.isEmpty()) {
            String reason = "chromium is not on the PATH (apt-get install chromium): real-browser playback not tested";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Path clip = testClip();
        JsonObject shop = createShop("browser.myshopify.com");
        String shopId = shop.getString("id");
        String key = shop.getString("apiKey");
        String videoId = readyVideo(shopId, key, clip);
        HttpResponse<String> issued = post("api/shops/" + shopId + "/videos/" + videoId + "/links", key, "POST",
                "{\"firstName\":\"Gus\"}");
        String token = json(issued.body()).getString("token");

        try (HeadlessChromium chromium = HeadlessChromium.launch(browser.get(),
                Files.createTempDirectory("beckon-it-chromium"))) {
            chromium.navigate(url("v/" + token).toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> chromium.evaluate("document.readyState")
                    .contains("complete"));
            assertThat(chromium.evaluate("document.querySelector('h1').textContent")).contains("Thank you, Gus!");
            String played = chromium.evaluate("document.getElementById('video').play().then(function(){return "
                    + "'playing';},function(e){return 'refused: '+e;})");
            assertThat(played).contains("playing");
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonObject reached = video(shopId, key, videoId).getJsonObject("reached");
                assertThat(reached.getInt("play")).isEqualTo(1);
                assertThat(reached.getInt("25")).isEqualTo(1);
            });
        }
        assertThat(video(shopId, key, videoId).getInt("views")).isEqualTo(1);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** A 3 s 1280x720 clip from ffmpeg's test source; skips (or fails on CI) without ffmpeg. */
    private static Path testClip() throws Exception {
        Path clip = Files.createTempFile("beckon-it-clip", ".mp4");
        Process process;
        try {
            process = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f",
                    "lavfi", "-i", "testsrc=duration=3:size=1280x720:rate=25", "-pix_fmt", "yuv420p",
                    clip.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            String reason = "ffmpeg is not installed (apt-get install --no-install-recommends ffmpeg): "
                    + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return clip;
    }

    /** Uploads the clip and waits until it is transcoded; returns its id. */
    private String readyVideo(String shopId, String key, Path clip) throws Exception {
        HttpResponse<String> uploaded = upload(shopId, key, "thanks.mp4", "video/mp4", Files.readAllBytes(clip));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String videoId = json(uploaded.body()).getString("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(video(shopId, key, videoId).getString("state")).isEqualTo("ready"));
        return videoId;
    }

    /** A signed Shopify orders/create for a new customer. */
    private HttpResponse<String> order(String shopId, String orderNumber, long customerId, String firstName,
                                       String email) throws Exception {
        byte[] body = """
                {"id":82098291194615%s,"admin_graphql_api_id":"gid://shopify/Order/82098291194615%s",
                 "buyer_accepts_marketing":true,"contact_email":"%s","email":"%s",
                 "created_at":"%s","updated_at":"%s","currency":"USD",
                 "financial_status":"paid","fulfillment_status":null,"name":"#%s","order_number":%s,"phone":null,
                 "source_name":"web","test":true,"token":"tok-%s","total_price":"89.99",
                 "customer":{"id":11531062731%d,"email":"%s","phone":null,"first_name":"%s","last_name":"Lee",
                   "admin_graphql_api_id":"gid://shopify/Customer/11531062731%d"},
                 "line_items":[{"id":48781767227629%s,"product_id":788032119674292922,"variant_id":null,"quantity":1,
                   "sku":"SKU2006-001","title":"Aviator sunglasses","price":"89.99"}]}
                """.formatted(orderNumber, orderNumber, email, email, Instant.now(), Instant.now(), orderNumber,
                orderNumber, orderNumber, customerId, email, firstName, customerId, orderNumber)
                .getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("shpss_video_it".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return send(HttpRequest.newBuilder(url("webhooks/shopify/" + shopId))
                .header("Content-Type", "application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Event-Id", "order-event-" + orderNumber)
                .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac.doFinal(body)))
                .header("X-Shopify-API-Version", "2026-07").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The shop's thank-you messages, newest first. */
    private List<JsonObject> thankYouMessages(String shopId, String key) throws Exception {
        HttpResponse<String> answer = get("api/shops/" + shopId + "/messages", key);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SuiteClient.array(answer.body()).stream().map(v -> v.asJsonObject())
                .filter(m -> "thank-you".equals(m.getString("journey", null)) && m.getString("body", null) != null)
                .toList();
    }

    /** The landing-page token of the one /v/ link in a message. */
    private static String token(String body) {
        Matcher link = Pattern.compile("/v/([A-Za-z0-9_-]{16,})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private HttpResponse<String> post(String path, String key, String method, String body) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + key).GET());
    }

    private HttpResponse<String> upload(String shopId, String key, String fileName, String type, byte[] content)
            throws Exception {
        String boundary = "beckon-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(url("api/shops/" + shopId + "/videos"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private JsonObject video(String shopId, String key, String videoId) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("api/shops/" + shopId + "/videos/" + videoId))
                .header("Authorization", "Bearer " + key).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private HttpResponse<String> beacon(String token, String userAgent, String kind) throws Exception {
        return send(HttpRequest.newBuilder(url("v/" + token + "/events")).header("User-Agent", userAgent)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"" + kind + "\"}")));
    }

    private HttpResponse<byte[]> range(String path, String range, String ifRange) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Range", range).GET();
        if (ifRange != null) {
            request.header("If-Range", ifRange);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonObject createShop(String domain) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("api/shops"))
                .header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"shopify\",\"domain\":\"" + domain
                        + "\",\"webhookSecret\":\"shpss_video_it\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body());
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
