package dev.beckon.suite.video;

import org.awaitility.Awaitility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol with {@link java.net.http.WebSocket} (the approach of the
 * video module's {@code BrowserPlaybackTest}): launch it, navigate its page, evaluate script (awaiting promises).
 * For tests only; close it to kill the browser.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE = Pattern.compile(
            "\"type\": \"page\",[^}]*?\"webSocketDebuggerUrl\": \"(ws://[^\"]+)\"", Pattern.DOTALL);

    private final Process process;
    private final DevTools page;

    private HeadlessChromium(Process process, DevTools page) {
        this.process = process;
        this.page = page;
    }

    /** The browser on the PATH ({@code chromium}, Debian's package, or {@code chromium-browser}). */
    public static Optional<Path> find() {
        return onPath("chromium").or(() -> onPath("chromium-browser"));
    }

    /** Starts the browser with a fresh profile in {@code profile} and connects to its page. */
    public static HeadlessChromium launch(Path browser, Path profile) throws Exception {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless=new",
                "--remote-debugging-port=0", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--no-sandbox", "--no-first-run", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "about:blank"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<String> endpoint = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
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
                endpoint.completeExceptionally(new IllegalStateException("chromium exited without DevTools"));
            }, "chromium-stderr");
            reader.setDaemon(true);
            reader.start();
            URI browserWs = URI.create(endpoint.get(60, TimeUnit.SECONDS));
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browserWs.getHost() + ":" + browserWs.getPort() + "/json/list");
            String targets = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                            .body(), body -> PAGE.matcher(body).find());
            Matcher ws = PAGE.matcher(targets);
            if (!ws.find()) {
                throw new IllegalStateException("no page target in " + targets);
            }
            return new HeadlessChromium(process, DevTools.connect(URI.create(ws.group(1))));
        } catch (Exception e) {
            kill(process);
            throw e;
        }
    }

    /** Opens {@code url} in the page (returns once navigation started; wait for readyState yourself). */
    public void navigate(String url) throws Exception {
        page.call("Page.enable", "{}");
        page.call("Page.navigate", "{\"url\":\"" + url.replace("\"", "%22") + "\"}");
    }

    /** Runtime.evaluate, awaiting a promise; the raw reply, which holds the value. */
    public String evaluate(String expression) throws Exception {
        String quoted = "\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return page.call("Runtime.evaluate", "{\"expression\":" + quoted + ",\"awaitPromise\":true,"
                + "\"returnByValue\":true}");
    }

    @Override
    public void close() {
        page.close();
        kill(process);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
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

    /** A minimal DevTools protocol client: calls and their replies, matched by id. */
    private static final class DevTools implements WebSocket.Listener {

        private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

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

        void close() {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher id = ID.matcher(message);
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
