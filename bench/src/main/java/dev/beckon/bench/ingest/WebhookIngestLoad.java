package dev.beckon.bench.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the webhook edge: signed Shopify {@code orders/create} deliveries (about 5 KB, each a new event
 * id, spread over many shops) posted by a fixed number of concurrent senders, each waiting for its answer. Reports
 * the rate of 200 answers and the latency of the answer (p50, p90, p99, max), leaving out a warm-up tenth.
 *
 * <p>{@code target=beckon} registers the shops through the operator API and posts to Beckon's webhook endpoint
 * (signature check, mapping, durable inbox insert with dedup); {@code target=bare} posts the same requests to the
 * bare endpoint of {@code bare.war} on the same server, the ceiling. Bounded in count and time; loopback only.
 *
 * <p>Arguments: {@code base=http://127.0.0.1:8299 target=beckon|bare token=<operator> shops=20 requests=20000
 * concurrency=16 seconds=120 journeys=on|off} ({@code off}: the shops' built-in journeys are switched off, so the
 * engine only stores and marks the events; the webhook path is the same).
 */
public final class WebhookIngestLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String SECRET = "shpss_bench_webhook_secret";

    private WebhookIngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opt.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String base = opt.getOrDefault("base", "http://127.0.0.1:8299");
        if (!URI.create(base).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost")) {
            throw new IllegalArgumentException("the load goes to loopback only, got " + base);
        }
        String target = opt.getOrDefault("target", "beckon");
        int shops = Integer.parseInt(opt.getOrDefault("shops", "20"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "20000"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "16"));
        long seconds = Long.parseLong(opt.getOrDefault("seconds", "120"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> shopIds = target.equals("bare") ? bareShops(shops)
                : registerShops(http, base, opt.get("token"), shops,
                        !"off".equals(opt.getOrDefault("journeys", "on")));
        String prefix = target.equals("bare") ? "/bare/webhooks/shopify/" : "/webhooks/shopify/";

        long[] latencyNanos = new long[requests];
        Arrays.fill(latencyNanos, -1);
        AtomicInteger next = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long runId = System.currentTimeMillis();
        int warmup = requests / 10;
        AtomicLong measuredStart = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            senders.submit(() -> {
                Mac mac = hmac();
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    if (i == warmup) {
                        measuredStart.set(System.nanoTime());
                    }
                    byte[] body = OrdersCreateBody.of(runId * 100_000 + i).getBytes(StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + prefix + shopIds.get(i % shopIds.size())))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Shopify-Topic", "orders/create")
                            .header("X-Shopify-Event-Id", "bench-" + runId + "-" + i)
                            .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac.doFinal(body)))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencyNanos[i] = System.nanoTime() - start;
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status == 200 && i >= warmup) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - measuredStart.get();

        long[] measured = Arrays.stream(latencyNanos, warmup, requests).filter(n -> n >= 0).sorted().toArray();
        System.out.printf("target=%s shops=%d concurrency=%d measured=%d (after %d warm-up) statuses=%s%n", target,
                shopIds.size(), concurrency, measured.length, warmup, statuses);
        System.out.printf("rate=%.0f answers/s  p50=%.1f ms  p90=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
                ok.get() / (elapsed / 1e9), ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99),
                ms(measured, 1.0));
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }

    private static List<String> bareShops(int shops) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shops; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    /** The built-in journeys, switched off for {@code journeys=off}: the ingest path alone, engine still draining. */
    private static final List<String> JOURNEYS = List.of("abandoned-checkout", "browse-abandonment", "thank-you",
            "order-updates", "win-back", "in-store-offer");

    private static List<String> registerShops(HttpClient http, String base, String token, int shops,
                                              boolean journeys) throws Exception {
        if (token == null) {
            throw new IllegalArgumentException("target=beckon needs token=<operator token>");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shops; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/shops"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"shopify\",\"domain\":\"bench-" + i
                            + ".myshopify.com\",\"webhookSecret\":\"" + SECRET + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("cannot register a shop: " + created.statusCode() + " " + created.body());
            }
            ids.add(id.group(1));
            for (String journey : journeys ? List.<String>of() : JOURNEYS) {
                HttpResponse<String> off = http.send(HttpRequest.newBuilder(URI.create(base + "/api/shops/"
                                + id.group(1) + "/journeys/" + journey)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (off.statusCode() != 200) {
                    throw new IllegalStateException("cannot switch " + journey + " off: " + off.body());
                }
            }
        }
        return ids;
    }

    private static Mac hmac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
