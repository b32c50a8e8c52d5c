package dev.beckon.suite;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing in for Twilio's Messages API (it cannot run here): it answers
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} as Twilio does, with 201 and a message resource, and
 * records every request with the status it answered. It can be told to refuse the next requests to a recipient with
 * 503, as Twilio does when it is overloaded.
 */
final class TwilioStandIn implements AutoCloseable {

    /** One request as Twilio would have received it, and the HTTP status it was answered with. */
    record Received(String path, String authorization, String contentType, Map<String, String> form, int status) {

        boolean accepted() {
            return status == 201;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    TwilioStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            AtomicInteger refuse = refusals.get(String.valueOf(form.get("To")));
            boolean refused = refuse != null && refuse.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
            int status = refused ? 503 : 201;
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), form, status));
            byte[] answer = (refused
                    ? "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}"
                    : "{\"sid\":\"SM" + String.format("%032d", counter.incrementAndGet())
                            + "\",\"status\":\"queued\",\"num_segments\":\"1\","
                            + "\"error_code\":null,\"api_version\":\"2010-04-01\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests sent to one recipient, in arrival order. */
    List<Received> receivedBy(String to) {
        return received.stream().filter(r -> to.equals(r.form().get("To"))).toList();
    }

    /** Answers the next {@code times} requests to {@code to} with 503 Service Unavailable. */
    void refuseNext(String to, int times) {
        refusals.put(to, new AtomicInteger(times));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
