package dev.beckon.suite.video;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The front nginx of docs/VIDEO-FRONT-NGINX.md, run from the very file the document gives
 * ({@code docs/nginx/beckon-video-front.conf}) with Debian's nginx, in front of a stand-in for Beckon that answers
 * {@code /v/{token}/video.mp4} as {@link VideoStreamFilter} does with {@code beckon.video.accel-redirect} on: no body
 * and {@code X-Accel-Redirect} for a good link, Beckon's 404 or 410 page otherwise. Skipped, saying so, where nginx is
 * not installed.
 */
class FrontNginxConfigTest {

    private static final Path CONFIG = Path.of("..", "docs", "nginx", "beckon-video-front.conf");
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String OBJECT = "01/" + KEY;

    @TempDir
    static Path work;

    private static HttpServer beckon;
    private static Process nginx;
    private static int port;
    private static byte[] video;
    private static final Map<String, String> answers = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBeckonStandInAndNginx() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX),
                "nginx is not installed (apt-get install nginx-light): the front nginx configuration is not tested");
        video = new byte[300_000];
        new Random(7).nextBytes(video);
        Path objects = Files.createDirectories(work.resolve("objects"));
        Files.createDirectories(objects.resolve("01"));
        Files.write(objects.resolve(OBJECT), video);
        Files.writeString(work.resolve("secret.txt"), "not a video");

        beckon = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        beckon.createContext("/v/", FrontNginxConfigTest::answerAsBeckon);
        beckon.start();

        port = freePort();
        String front = Files.readString(CONFIG)
                .replace("@LISTEN@", "127.0.0.1:" + port)
                .replace("@BECKON@", "127.0.0.1:" + beckon.getAddress().getPort())
                .replace("@OBJECTS@", objects.toString())
                .replace("@CACHE@", work.resolve("checks").toString());
        Path temp = Files.createDirectories(work.resolve("temp"));
        Files.writeString(work.resolve("nginx.conf"), String.join("\n",
                "user " + System.getProperty("user.name") + ";",
                "worker_processes 1;",
                "pid " + work.resolve("nginx.pid") + ";",
                "error_log " + work.resolve("error.log") + " warn;",
                "events { worker_connections 256; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + temp.resolve("body") + ";",
                "  proxy_temp_path " + temp.resolve("proxy") + ";",
                "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "  scgi_temp_path " + temp.resolve("scgi") + ";",
                front,
                "}"));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", work.toString(), "-c", work.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        awaitListening(port);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (beckon != null) {
            beckon.stop(0);
        }
    }

    @BeforeEach
    void goodLinks() {
        answers.clear();
        asked.clear();
    }

    @Test
    void aGoodLinkIsCheckedByBeckonOnceAndEveryRangeIsSentByNginx() throws Exception {
        answers.put("good", "/beckon-video-files/" + OBJECT);

        HttpResponse<byte[]> probe = get("/v/good/video.mp4", "bytes=0-1");
        HttpResponse<byte[]> middle = get("/v/good/video.mp4", "bytes=1000-1999");
        HttpResponse<byte[]> suffix = get("/v/good/video.mp4", "bytes=-500");
        for (int i = 0; i < 20; i++) {
            assertThat(get("/v/good/video.mp4", "bytes=" + i * 1000 + "-").statusCode()).isEqualTo(206);
        }

        assertThat(probe.statusCode()).isEqualTo(206);
        assertThat(probe.headers().firstValue("Content-Range")).hasValue("bytes 0-1/300000");
        assertThat(probe.body()).containsExactly(video[0], video[1]);
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/300000");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));
        assertThat(middle.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(middle.headers().firstValue("Cache-Control")).hasValue("private, max-age=3600");
        assertThat(middle.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(video, 299_500, 300_000));
        assertThat(asked.get("good")).as("checks Beckon answered for 23 ranges within 5 s").hasValue(1);
    }

    @Test
    void headAndWholeFileAnswersCarryTheLengthAndAcceptRanges() throws Exception {
        answers.put("whole", "/beckon-video-files/" + OBJECT);

        HttpResponse<Void> head = client.send(HttpRequest.newBuilder(uri("/v/whole/video.mp4"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<byte[]> whole = get("/v/whole/video.mp4", null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("300000");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
    }

    @Test
    void aBackwardsRangeIsRefusedWith416() throws Exception {
        answers.put("whole", "/beckon-video-files/" + OBJECT);

        HttpResponse<byte[]> backwards = get("/v/whole/video.mp4", "bytes=9-3");

        assertThat(backwards.statusCode()).isEqualTo(416);
        assertThat(backwards.headers().firstValue("Content-Range")).hasValue("bytes */300000");
    }

    @Test
    void anUnknownOrExpiredLinkGetsBeckonsOwnPage() throws Exception {
        HttpResponse<byte[]> unknown = get("/v/nobody/video.mp4", "bytes=0-1");
        answers.put("old", "410");
        HttpResponse<byte[]> expired = get("/v/old/video.mp4", "bytes=0-1");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).isEqualTo("Beckon: no such video link");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).isEqualTo("Beckon: this link has expired");
    }

    @Test
    void aRevokedLinkStopsPlayingWithinFiveSeconds() throws Exception {
        answers.put("revoked", "/beckon-video-files/" + OBJECT);
        assertThat(get("/v/revoked/video.mp4", "bytes=0-1").statusCode()).isEqualTo(206);

        answers.put("revoked", "410");

        // nginx remembers Beckon's good answer for 5 s; after that the link's own 410 page
        await().atMost(Duration.ofMillis(6_500)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/v/revoked/video.mp4", "bytes=0-1").statusCode(), status -> status == 410);
    }

    @Test
    void onlyAStoredObjectBeckonNamesIsServedAndTheFilesAreNotReachableDirectly() throws Exception {
        answers.put("escape", "/beckon-video-files/../secret.txt");
        answers.put("other", "/etc/passwd");

        assertThat(get("/v/escape/video.mp4", null).statusCode()).isEqualTo(404);
        assertThat(get("/v/other/video.mp4", null).statusCode()).isEqualTo(404);
        assertThat(get("/beckon-video-files/" + OBJECT, null).statusCode()).isEqualTo(404);
        assertThat(get("/v/../secret.txt", null).statusCode()).isNotEqualTo(200);
    }

    /** Beckon with the accel redirect on: the named file for a good token, its 404 or 410 page otherwise. */
    private static void answerAsBeckon(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String token = path.substring(3, path.length() - "/video.mp4".length());
            asked.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            String answer = answers.get(token);
            if (answer == null || answer.equals("410")) {
                byte[] page = (answer == null ? "Beckon: no such video link" : "Beckon: this link has expired")
                        .getBytes(StandardCharsets.UTF_8);
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(answer == null ? 404 : 410, head ? -1 : page.length);
                if (!head) {
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(page);
                    }
                }
                return;
            }
            exchange.getResponseHeaders().set("X-Accel-Redirect", answer);
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (range != null) {
            request.header("Range", range);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) {
        await("nginx listening on " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!nginx.isAlive()) {
                        throw new IllegalStateException("nginx did not start: "
                                + Files.readString(work.resolve("nginx.out")));
                    }
                    try (var socket = new java.net.Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }
}
