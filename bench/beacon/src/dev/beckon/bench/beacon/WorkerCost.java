package dev.beckon.bench.beacon;

import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.ingest.TopicRouter;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.SightingPipeline;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest worker's own cost, without a broker: the flood's reports ({@link SightingStream}, made up front) run on
 * this thread through what {@code MqttIngestor}'s worker does per message ({@link TopicRouter} with the
 * {@link EspresenseParser}, then the {@link SightingPipeline}, ticked once a second), as fast as one thread can.
 * Prints messages/s and bytes allocated per message, per pass of {@code seconds}; the first passes are warm-up.
 *
 * <p>Usage: {@code WorkerCost <seconds per pass> <passes> <stores> <zonesPerStore> <devicesPerStore>}. A benchmark,
 * not a test: it writes to stdout. Run it with {@code -XX:StartFlightRecording=...,settings=profile} for a
 * profile of the worker alone.
 */
public final class WorkerCost {

    private WorkerCost() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int stores = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int zones = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int devices = args.length > 4 ? Integer.parseInt(args[4]) : 40;

        // 30 rounds of every (device, node) report, devices moving as in a 10 k msg/s flood
        int count = stores * zones * devices * 30;
        String[] topics = new String[count];
        byte[][] payloads = new byte[count][];
        SightingStream stream = new SightingStream(stores, zones, devices);
        for (int i = 0; i < count; i++) {
            stream.next(i * 100_000L);
            topics[i] = stream.topic();
            payloads[i] = stream.payload();
        }

        PairingSnapshot snapshot = BeaconFlood.pairing(stores, zones);
        Clock clock = Clock.systemUTC();
        TopicRouter router = new TopicRouter(List.of(new EspresenseParser(snapshot, clock, IngestLimits.defaults())));
        AtomicLong events = new AtomicLong();
        SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(), clock,
                () -> VisitId.of(UUID.randomUUID().toString()), (shop, event) -> events.incrementAndGet());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();

        System.out.printf("stores=%d zones/store=%d devices/store=%d, %d passes of %d s%n", stores, zones, devices,
                passes, seconds);
        int next = 0;
        for (int pass = 1; pass <= passes; pass++) {
            long handled = 0;
            long allocatedBefore = threads.getThreadAllocatedBytes(self);
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long nextTick = start;
            long now = start;
            while (now < end) {
                for (int i = 0; i < 1_000; i++) {
                    ParseResult result = router.parse(topics[next], payloads[next]);
                    if (result instanceof ParseResult.Parsed parsed) {
                        for (Sighting sighting : parsed.sightings()) {
                            pipeline.accept(sighting);
                        }
                    }
                    next = next + 1 == count ? 0 : next + 1;
                }
                handled += 1_000;
                now = System.nanoTime();
                if (now >= nextTick) {
                    pipeline.tick();
                    nextTick = now + 1_000_000_000L;
                }
            }
            double elapsed = (now - start) / 1e9;
            long allocated = threads.getThreadAllocatedBytes(self) - allocatedBefore;
            System.out.printf("pass %d: %,.0f msg/s, %,.0f ns/msg, %,d B allocated/msg, %,d zone events so far%n",
                    pass, handled / elapsed, elapsed * 1e9 / handled, allocated / handled, events.get());
        }
        System.out.printf("pipeline drops %s, filter rejections %s%n", pipeline.drops(), pipeline.rejections());
    }
}
