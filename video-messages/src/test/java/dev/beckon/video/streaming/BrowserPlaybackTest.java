package dev.beckon.video.streaming;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.beckon.video.library.ViewEventKind;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.PutOutcome;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoSlice;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.ProcessRunner;
import dev.beckon.video.transcode.SystemProcessRunner;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Plays a real MP4 in headless Chromium from a landing page served by the module's own Range code
 * ({@link RangeRequest}, {@link ResponseHeaders}, {@link LocalFileStorage}) on a JDK HTTP server, drives the
 * browser over the DevTools protocol (navigate, then {@code video.play()}), and checks what the server saw: Range
 * requests answered 206, and the page's {@code play} and {@code 25} beacons. The page posts the same beacons as the
 * suite's landing page. Skipped, with the reason, where {@code chromium} or {@code ffmpeg} is missing (Debian
 * packages {@code chromium}, {@code ffmpeg}); fails instead under {@code CI=true}.
 */
class BrowserPlaybackTest {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([a-z0-9]+)\"");

    @TempDir
    Path dir;

    private HttpServer server;
    private Process chromium;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<Integer> videoStatuses = new CopyOnWriteArrayList<>();
    private final List<ViewEventKind> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void needsChromiumAndFfmpeg() {
        Optional<Path> browser = onPath("chromium").or(() -> onPath("chromium-browser"));
        Ffmpeg ffmpeg = Ffmpeg.detect(Optional.empty());
        String missing = browser.isEmpty() ? "chromium is not on the PATH (apt-get install chromium)"
                : ffmpeg instanceof Ffmpeg.Missing m ? m.reason() : null;
        if (missing != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have chromium and ffmpeg: " + missing);
        }
        if (missing != null) {
            System.getLogger(BrowserPlaybackTest.class.getName()).log(System.Logger.Level.WARNING,
                    "SKIPPING real-browser playback test: " + missing);
        }
        assumeTrue(missing == null, () -> "SKIPPED: " + missing);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void chromiumPlaysTheVideoThroughRangeRequestsAndThePageReportsPlayAnd25() throws Exception {
        Path clip = generateClip();
        LocalFileStorage storage = LocalFileStorage.at(dir.resolve("store"));
        PutOutcome.Stored stored;
        try (InputStream in = Files.newInputStream(clip)) {
            stored = (PutOutcome.Stored) storage.put(in, Long.MAX_VALUE);
        }
        Representation representation = new Representation(stored.size(), EntityTag.strong(stored.sha256()),
                Instant.parse("2026-11-23T10:00:00Z"));
        String base = startServer(storage, stored.key(), representation);

        DevTools page = DevTools.connect(launchChromium());
        page.call("Page.enable", "{}");
        page.call("Page.navigate", "{\"url\":\"" + base + "/v/test-token\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> page.evaluate("document.readyState").contains("complete"));
        String played = page.evaluate("document.getElementById('video').play().then(function(){return 'playing';},"
                + "function(e){return 'refused: '+e;})");

        assertThat(played).contains("playing");
        await().atMost(Duration.ofSeconds(40)).until(() -> events.contains(ViewEventKind.PROGRESS_25));
        assertThat(events).contains(ViewEventKind.PLAY, ViewEventKind.PROGRESS_25);
        assertThat(events.indexOf(ViewEventKind.PLAY)).isLessThan(events.indexOf(ViewEventKind.PROGRESS_25));
        assertThat(ranges).as("the browser asked for byte ranges").isNotEmpty().allMatch(r -> r.startsWith("bytes="));
        assertThat(videoStatuses).contains(206);
        page.close();
    }

    /** 6 s of testsrc with a tone, H.264 yuv420p + AAC, faststart: what the transcode produces. */
    private Path generateClip() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        ProcessRunner.Outcome outcome = new SystemProcessRunner().run(List.of(
                ((Ffmpeg.Available) Ffmpeg.detect(Optional.empty())).executable().toString(), "-nostdin", "-v",
                "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=6:size=640x360:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=6", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", "-movflags", "+faststart", clip.toString()), Duration.ofMinutes(1));
        assertThat(outcome).isInstanceOfSatisfying(ProcessRunner.Exited.class,
                exited -> assertThat(exited.exitCode()).as(exited.stderrTail()).isZero());
        return clip;
    }

    private String startServer(LocalFileStorage storage, StorageKey key, Representation video) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/v/test-token", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v/test-token")) {
                byte[] html = page("/v/test-token").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(html);
                }
            } else if (path.equals("/v/test-token/video.mp4")) {
                serveVideo(exchange, storage, key, video);
            } else if (path.equals("/v/test-token/events") && "POST".equals(exchange.getRequestMethod())) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher kind = KIND.matcher(body);
                ViewEventKind event = kind.find() ? ViewEventKind.ofColumn(kind.group(1)) : null;
                if (event != null) {
                    events.add(event);
                }
                exchange.sendResponseHeaders(event == null ? 400 : 204, -1);
                exchange.close();
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the suite's video endpoint does, on the JDK server. */
    private void serveVideo(HttpExchange exchange, LocalFileStorage storage, StorageKey key, Representation video)
            throws IOException {
        Headers request = exchange.getRequestHeaders();
        HttpMethod method = "HEAD".equals(exchange.getRequestMethod()) ? HttpMethod.HEAD : HttpMethod.GET;
        String range = request.getFirst("Range");
        if (range != null) {
            ranges.add(range);
        }
        RangeDecision decision = new RangeRequest(method, range, request.getFirst("If-Range")).evaluate(video);
        videoStatuses.add(decision.status());
        Headers response = exchange.getResponseHeaders();
        ResponseHeaders.of(decision, video).forEach((name, value) -> {
            if (!name.equals(ResponseHeaders.CONTENT_LENGTH)) {
                response.set(name, value);
            }
        });
        response.set("Content-Type", "video/mp4");
        boolean body = method.sendsContent() && decision.contentLength() > 0;
        exchange.sendResponseHeaders(decision.status(), body ? decision.contentLength() : -1);
        if (!body) {
            exchange.close();
            return;
        }
        long start = decision instanceof RangeDecision.Partial p ? p.start() : 0;
        try (VideoSlice slice = storage.open(key, start, decision.contentLength()).orElseThrow();
             OutputStream out = exchange.getResponseBody()) {
            Channels.newInputStream(slice.channel()).transferTo(out);
        } catch (IOException e) {
            // the browser cancelled the range (a seek, or it has enough): normal, not an error
        } finally {
            exchange.close();
        }
    }

    /** A minimal landing page: the suite's video element and beacon script. */
    private static String page(String self) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Thank you</title></head>\n"
                + "<body><video id=\"video\" controls playsinline preload=\"metadata\">\n"
                + "<source src=\"" + self + "/video.mp4\" type=\"video/mp4\"></video>\n"
                + "<script>\n(function(){\n"
                + "var v=document.getElementById('video'),url='" + self + "/events',sent={};\n"
                + "function send(k){if(sent[k])return;sent[k]=1;var b=JSON.stringify({kind:k});\n"
                + " if(navigator.sendBeacon&&navigator.sendBeacon(url,new Blob([b],{type:'application/json'})))return;\n"
                + " fetch(url,{method:'POST',body:b,headers:{'Content-Type':'application/json'},keepalive:true});}\n"
                + "v.addEventListener('play',function(){send('play');});\n"
                + "v.addEventListener('timeupdate',function(){if(!v.duration)return;"
                + "var p=v.currentTime/v.duration*100;[25,50,75].forEach(function(m){if(p>=m)send(String(m));});});\n"
                + "v.addEventListener('ended',function(){send('100');});\n"
                + "})();\n</script></body></html>\n";
    }

    /** Starts headless Chromium and returns the WebSocket URL of its page target. */
    private URI launchChromium() throws Exception {
        Path browser = onPath("chromium").or(() -> onPath("chromium-browser")).orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(browser.toString(), "--headless=new",
                "--remote-debugging-port=0", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--no-first-run", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + dir.resolve("profile")));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium refuses to run as root with its sandbox
        }
        command.add("about:blank");
        chromium = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(chromium.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IllegalStateException("chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        URI browserWs = URI.create(endpoint.get(30, TimeUnit.SECONDS));
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create("http://" + browserWs.getHost() + ":" + browserWs.getPort() + "/json/list");
        String targets = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                        .body(), body -> body.contains("\"type\": \"page\""));
        Matcher ws = Pattern.compile("\"type\": \"page\",[^}]*?\"webSocketDebuggerUrl\": \"(ws://[^\"]+)\"",
                Pattern.DOTALL).matcher(targets);
        assertThat(ws.find()).as("a page target in " + targets).isTrue();
        return URI.create(ws.group(1));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A minimal Chrome DevTools protocol client over {@link java.net.http.WebSocket}: calls and their replies. */
    private static final class DevTools implements WebSocket.Listener {

        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static DevTools connect(URI page) throws Exception {
            DevTools devTools = new DevTools();
            devTools.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(page, devTools).get(10, TimeUnit.SECONDS);
            return devTools;
        }

        String call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<String> reply = new CompletableFuture<>();
            pending.put(id, reply);
            socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true);
            return reply.get(30, TimeUnit.SECONDS);
        }

        /** Runtime.evaluate, awaiting a promise; returns the raw reply (which holds the value). */
        String evaluate(String expression) throws Exception {
            String quoted = "\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return call("Runtime.evaluate", "{\"expression\":" + quoted + ",\"awaitPromise\":true,"
                    + "\"returnByValue\":true}");
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(message);
                if (id.find()) {
                    CompletableFuture<String> reply = pending.remove(Integer.parseInt(id.group(1)));
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }
    }
}
