package dev.beckon.bench.beacon;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.ingest.SightingParser;
import dev.beckon.gateway.ingest.TopicRouter;
import dev.beckon.gateway.mqtt.MqttIngestor;
import dev.beckon.gateway.mqtt.MqttSettings;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.ZoneDefinition;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.SightingPipeline;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Floods ESPresense-shaped sightings (many stores, nodes and devices, devices walking between zones and being
 * replaced by new ones) through a real broker, into (a) the full gateway (MqttIngestor: parse, RSSI filter, zone
 * state machine) and (b) a bare Paho subscriber that only counts, both subscribed to the same stream in the same
 * run and in this JVM. The publisher ({@link FloodPublisher}) runs in a JVM of its own, so its buffers and garbage
 * collections do not land on the two consumers. Prints the rate each processed, the latency from the publish of the sighting that decided a zone event to
 * that event, drops by reason, and the heap after GC.
 *
 * <p>Usage: {@code BeaconFlood <brokerUrl> <seconds> <ratePerSecond, 0 = flood> <stores> <zonesPerStore>
 * <devicesPerStore>}. A benchmark, not a test: it writes to stdout.
 */
public final class BeaconFlood {

    private static final ShopId SHOP = ShopId.of("bench-shop");

    /** Per message: the publisher's nanoTime, read back from the first field without a JSON parser. */
    static long publishedAt(byte[] payload) {
        long value = 0;
        for (int i = 5; i < payload.length; i++) {
            byte b = payload[i];
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int stores = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int zones = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int devices = args.length > 5 ? Integer.parseInt(args[5]) : 40;

        PairingSnapshot snapshot = pairing(stores, zones);
        Clock clock = Clock.systemUTC();

        long[] latencies = new long[4_000_000];
        AtomicLong latencyCount = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong gatewayFirst = new AtomicLong();
        AtomicLong gatewayLast = new AtomicLong();
        MqttIngestor[] ingestorHolder = new MqttIngestor[1];
        long[] deciding = new long[2]; // publish nanos of the message being handled, processed() at that time

        EspresenseParser espresense = new EspresenseParser(snapshot, clock, IngestLimits.defaults());
        SightingParser timed = new SightingParser() {
            @Override
            public String topicFilter() {
                return espresense.topicFilter();
            }

            @Override
            public boolean handles(String topic) {
                return espresense.handles(topic);
            }

            @Override
            public ParseResult parse(String topic, byte[] payload) {
                long now = System.nanoTime();
                gatewayFirst.compareAndSet(0, now);
                gatewayLast.set(now);
                deciding[0] = publishedAt(payload);
                deciding[1] = ingestorHolder[0].processed();
                return espresense.parse(topic, payload);
            }
        };
        SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(), clock,
                () -> VisitId.of(UUID.randomUUID().toString()), (ShopId shop, ProximityEvent event) -> {
                    events.incrementAndGet();
                    // only events decided by a sighting (not by the once-a-second tick) have a deciding sighting
                    if (ingestorHolder[0].processed() == deciding[1]) {
                        long index = latencyCount.getAndIncrement();
                        if (index < latencies.length) {
                            latencies[(int) index] = System.nanoTime() - deciding[0];
                        }
                    }
                });
        MqttSettings settings = MqttSettings.from(Map.of(MqttSettings.PREFIX + "url", url,
                MqttSettings.PREFIX + "client-id", "bench-gw-" + UUID.randomUUID().toString().substring(0, 6),
                MqttSettings.PREFIX + "queue-capacity", "10000",
                // the bare subscriber below is a 3.1.1 client: the gateway speaks the same protocol for a fair ceiling
                MqttSettings.PREFIX + "version", System.getProperty("bench.mqtt.version", "3.1.1")));
        MqttIngestor ingestor = new MqttIngestor(settings, new TopicRouter(List.of(timed)), pipeline, clock,
                Thread::new);
        ingestorHolder[0] = ingestor;

        AtomicLong bareCount = new AtomicLong();
        long[] bareLatencies = new long[4_000_000];
        AtomicLong bareFirst = new AtomicLong();
        AtomicLong bareLast = new AtomicLong();
        MqttClient bare = new MqttClient(url, "bench-bare-" + UUID.randomUUID().toString().substring(0, 6),
                new MemoryPersistence());
        bare.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                long now = System.nanoTime();
                bareFirst.compareAndSet(0, now);
                bareLast.set(now);
                long index = bareCount.getAndIncrement();
                if (index < bareLatencies.length) {
                    bareLatencies[(int) index] = now - publishedAt(message.getPayload());
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        bare.connect(options);
        bare.subscribe(EspresenseParser.TOPIC_FILTER, 0);
        ingestor.start();
        while (!ingestor.isConnected()) {
            Thread.sleep(50);
        }
        Thread.sleep(500);

        Published result = publishInChildJvm(url, seconds, rate, stores, zones, devices);
        long published = result.count();
        double publishSeconds = result.nanos() / 1e9;
        long settleUntil = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < settleUntil
                && (ingestor.received() < bareCount.get() || ingestor.queued() > 0 || bareCount.get() < published)) {
            Thread.sleep(100);
        }
        Thread.sleep(500);

        long processed = ingestor.processed();
        double gatewaySeconds = Math.max(1e-9, (gatewayLast.get() - gatewayFirst.get()) / 1e9);
        double bareSeconds = Math.max(1e-9, (bareLast.get() - bareFirst.get()) / 1e9);
        double gatewayRate = processed / gatewaySeconds;
        double bareRate = bareCount.get() / bareSeconds;
        int measured = (int) Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        System.gc();
        Thread.sleep(200);
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();

        System.out.printf("stores=%d zones/store=%d devices/store=%d target rate=%s msg/s, %d s%n", stores, zones,
                devices, rate == 0 ? "flood" : String.valueOf(rate), seconds);
        System.out.printf("published            %,d in %.1f s = %,.0f msg/s%n", published, publishSeconds,
                published / publishSeconds);
        System.out.printf("bare Paho subscriber %,d received, %,.0f msg/s%n", bareCount.get(), bareRate);
        System.out.printf("gateway              %,d received, %,d processed, %,.0f msg/s (%.2fx bare)%n",
                ingestor.received(), processed, gatewayRate, gatewayRate / bareRate);
        System.out.printf("zone events          %,d, decided by a sighting: %,d%n", events.get(), measured);
        if (measured > 0) {
            System.out.printf("decision latency     p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    sorted[measured / 2] / 1e6, sorted[(int) (measured * 0.99)] / 1e6, sorted[measured - 1] / 1e6);
        }
        int bareMeasured = (int) Math.min(bareCount.get(), bareLatencies.length);
        long[] bareSorted = Arrays.copyOf(bareLatencies, bareMeasured);
        Arrays.sort(bareSorted);
        if (bareMeasured > 0) {
            System.out.printf("bare arrival latency p50 %.2f ms, p99 %.2f ms, max %.2f ms (publish to bare callback)%n",
                    bareSorted[bareMeasured / 2] / 1e6, bareSorted[(int) (bareMeasured * 0.99)] / 1e6,
                    bareSorted[bareMeasured - 1] / 1e6);
        }
        System.out.printf("ingest drops         %s%n", nonZero(ingestor.drops().snapshot()));
        System.out.printf("pipeline drops       %s%n", nonZero(pipeline.drops().snapshot()));
        System.out.printf("heap after GC        %.1f MB%n", heap / 1e6);
        System.out.printf("CPU by thread        %s%n", cpuByThread());

        bare.disconnect();
        bare.close();
        ingestor.close();
    }

    /** CPU seconds of this JVM's busiest threads (the gateway's worker, each client's Paho threads, GC is not here). */
    private static String cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> seconds = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(thread.getId());
            if (nanos > 50_000_000L) {
                seconds.merge(thread.getName(), nanos / 1e9, Double::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        seconds.forEach((name, cpu) -> text.append(String.format("%s %.1f s, ", name, cpu)));
        return text.length() == 0 ? "none" : text.substring(0, text.length() - 2);
    }

    private static <R extends Enum<R>> String nonZero(Map<R, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((reason, count) -> {
            if (count > 0) {
                text.append(reason).append('=').append(count).append(' ');
            }
        });
        return text.length() == 0 ? "none" : text.toString().trim();
    }

    /** The bench shop's stores, each with {@code zones} zones 8 m apart and one ESPresense node per zone. */
    static PairingSnapshot pairing(int stores, int zones) {
        PairingSnapshot.Builder builder = PairingSnapshot.builder();
        for (int s = 0; s < stores; s++) {
            StoreId store = StoreId.of("store-" + s);
            builder.store(SHOP, store);
            for (int z = 0; z < zones; z++) {
                StoreZoneId zone = StoreZoneId.of("zone-" + z);
                builder.zone(new ZoneDefinition(SHOP, store, zone, 3, 6).at(8.0 * z, 0));
                builder.scanner(new RegisteredScanner(new ScannerRef(SHOP, store, "esp-" + z),
                        ScannerSource.ESPRESENSE, SightingStream.room(s, z), zone, new Calibration(-59.0, 2.7)));
            }
        }
        return builder.build();
    }

    private record Published(long count, long nanos) {
    }

    /**
     * Runs {@link FloodPublisher} in a JVM of its own (same java, same class path; JVM options from the
     * {@code BENCH_PUBLISHER_JAVA_OPTS} environment variable, {@code -Xmx1g} by default) and waits for it.
     */
    private static Published publishInChildJvm(String url, int seconds, int rate, int stores, int zones,
                                               int devices) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("BENCH_PUBLISHER_JAVA_OPTS", "-Xmx1g");
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FloodPublisher.class.getName(), url,
                String.valueOf(seconds), String.valueOf(rate), String.valueOf(stores), String.valueOf(zones),
                String.valueOf(devices)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Published published = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(FloodPublisher.RESULT)) {
                    String[] fields = line.substring(FloodPublisher.RESULT.length()).trim().split(" ");
                    published = new Published(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || published == null) {
            throw new IllegalStateException("the publisher JVM failed (exit " + exit + "): " + command);
        }
        return published;
    }


}
