package dev.beckon.bench.timers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} answers 201
 * with a Twilio-shaped message resource ({@code sid SM…}, {@code status queued}) and counts what it accepted. It
 * does no work beyond parsing the form, so the benchmark measures the engine, not a provider.
 */
final class TwilioStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong accepted = new AtomicLong();

    private TwilioStandIn(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static TwilioStandIn start() throws IOException {
        // without TCP_NODELAY the separate header and body writes meet delayed ACKs: ~40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        TwilioStandIn standIn = new TwilioStandIn(server, executor);
        server.createContext("/2010-04-01/Accounts/", standIn::handle);
        server.setExecutor(executor);
        server.start();
        return standIn;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long accepted() {
        return accepted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/Messages.json")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> form = form(new String(request, StandardCharsets.UTF_8));
            long n = accepted.incrementAndGet();
            String sid = String.format("SM%032x", n);
            String account = path.split("/")[3];
            String json = "{\"account_sid\":\"" + account + "\",\"api_version\":\"2010-04-01\",\"body\":"
                    + quote(form.getOrDefault("Body", "")) + ",\"date_created\":null,\"date_sent\":null,"
                    + "\"direction\":\"outbound-api\",\"error_code\":null,\"error_message\":null,\"from\":"
                    + quote(form.getOrDefault("From", "")) + ",\"num_media\":\"0\",\"num_segments\":\"1\","
                    + "\"price\":null,\"price_unit\":\"USD\",\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":"
                    + quote(form.getOrDefault("To", "")) + ",\"uri\":\"/2010-04-01/Accounts/" + account
                    + "/Messages/" + sid + ".json\"}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
