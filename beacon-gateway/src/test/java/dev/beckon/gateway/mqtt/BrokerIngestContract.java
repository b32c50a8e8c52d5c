package dev.beckon.gateway.mqtt;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.DecodeFailure;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.ingest.BeckonTopicParser;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestDrop;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.SightingParser;
import dev.beckon.gateway.ingest.TheengsParser;
import dev.beckon.gateway.ingest.TopicRouter;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.RecordingSink;
import dev.beckon.gateway.pipeline.SightingPipeline;
import dev.beckon.gateway.zones.EventText;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ingestor against a real broker; the embedded Moquette and a local Mosquitto extend it. */
abstract class BrokerIngestContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    protected final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final AtomicInteger visits = new AtomicInteger();

    /** The broker's URL, e.g. {@code tcp://127.0.0.1:1883}. */
    protected abstract String brokerUrl();

    /** The protocol version the ingestor is configured with. */
    protected abstract MqttVersion version();

    /** The protocol the ingestor must end up speaking with this broker. */
    protected abstract MqttProtocol expectedProtocol();

    /** The TLS material of the ingestor and the test's publishers for an {@code ssl://} broker URL. */
    protected MqttTls tls() {
        return MqttTls.DEFAULT;
    }

    @AfterEach
    void closeAll() {
        for (AutoCloseable closeable : closing) {
            try {
                closeable.close();
            } catch (Exception alreadyGone) {
                // the broker may have stopped first; nothing left to release
            }
        }
    }

    @Test
    void anEspresenseWalkPastThreeZonesReachesTheSinkInOrderDespiteMalformedMessages() throws MqttException {
        PairingSnapshot snapshot = StoreFixture.snapshot();
        MqttIngestor ingestor = started(router(snapshot), new SightingPipeline(() -> snapshot,
                PipelineSettings.defaults(), clock, () -> VisitId.of("visit-" + visits.incrementAndGet()), sink), 10_000);
        MqttClient publisher = publisher();
        long expectedProcessed = ingestor.processed();

        List<List<EspresenseWalk.Message>> seconds = EspresenseWalk.seconds();
        for (int second = 0; second < seconds.size(); second++) {
            List<EspresenseWalk.Message> messages = new ArrayList<>(seconds.get(second));
            if (second % 20 == 10) {
                messages.add(new EspresenseWalk.Message("espresense/devices/" + EspresenseWalk.PHONE + "/shoes",
                        "{\"id\":\"x\",\"rssi\":-6".getBytes(StandardCharsets.UTF_8)));
                messages.add(new EspresenseWalk.Message("espresense/devices/" + EspresenseWalk.PHONE + "/shoes",
                        "{\"rssi\":0}".getBytes(StandardCharsets.UTF_8)));
                messages.add(new EspresenseWalk.Message("espresense/devices/" + EspresenseWalk.PHONE + "/basement",
                        "{\"rssi\":-60}".getBytes(StandardCharsets.UTF_8)));
                messages.add(new EspresenseWalk.Message("home/TheengsGateway/BTtoMQTT/C47C8D6A2E11",
                        "{\"id\":\"x\",\"rssi\":-70,\"manufacturerdata\":\"4c000215426c75\"}"
                                .getBytes(StandardCharsets.UTF_8)));
            }
            for (EspresenseWalk.Message message : messages) {
                publisher.publish(message.topic(), message.payload(), 1, false);
            }
            expectedProcessed += messages.size();
            awaitProcessed(ingestor, expectedProcessed);
            advanceAndAwaitTick(ingestor, Duration.ofSeconds(1));
        }
        for (int step = 0; step < 15; step++) {
            advanceAndAwaitTick(ingestor, Duration.ofSeconds(10));
        }

        assertThat(EventText.of(sink.events())).containsExactlyElementsOf(EspresenseWalk.EXPECTED);
        assertThat(sink.shops()).containsOnly(StoreFixture.SHOP);
        int malformedRounds = (int) java.util.stream.IntStream.range(0, seconds.size())
                .filter(second -> second % 20 == 10).count();
        assertThat(ingestor.drops().countOf(IngestDrop.MALFORMED_JSON)).isEqualTo(malformedRounds);
        assertThat(ingestor.drops().countOf(IngestDrop.ABSURD_RSSI)).isEqualTo(malformedRounds);
        assertThat(ingestor.drops().countOf(IngestDrop.UNKNOWN_SCANNER)).isGreaterThanOrEqualTo(malformedRounds);
        assertThat(ingestor.drops().countOf(IngestDrop.TRUNCATED_HEX)).isEqualTo(malformedRounds);
        assertThat(ingestor.drops().countOf(IngestDrop.QUEUE_FULL)).isZero();

        publisher.publish("beckon/shop-1/stores/berlin-mitte/scanners/app/sightings",
                "not json at all".getBytes(StandardCharsets.UTF_8), 1, false);
        publisher.publish(EspresenseWalk.message("shoes", -60).topic(), EspresenseWalk.message("shoes", -60).payload(),
                1, false);
        awaitProcessed(ingestor, expectedProcessed + 2);
        assertThat(ingestor.drops().countOf(IngestDrop.MALFORMED_JSON)).isEqualTo(malformedRounds + 1);
    }

    @Test
    void aMessageWhoseParserFailsCostsOnlyThatMessage() throws Exception {
        String failingTopic = "beckon-test/failing/" + UUID.randomUUID();
        AtomicInteger parsed = new AtomicInteger();
        SightingParser failing = new SightingParser() {
            @Override
            public String topicFilter() {
                return failingTopic;
            }

            @Override
            public boolean handles(String topic) {
                return true;
            }

            @Override
            public dev.beckon.gateway.ingest.ParseResult parse(String topic, byte[] payload) {
                if (payload.length == 1 && payload[0] == 'x') {
                    throw new IllegalStateException("a parser bug");
                }
                parsed.incrementAndGet();
                return new dev.beckon.gateway.ingest.ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
            }
        };
        MqttIngestor ingestor = started(new TopicRouter(List.of(failing)), new SightingPipeline(PairingSnapshot::empty,
                PipelineSettings.defaults(), clock, () -> VisitId.of("v"), sink), 10_000);
        MqttClient publisher = publisher();
        int before = parsed.get();
        long processed = ingestor.processed();

        // published back to back: the failing ones are among the others in the queue
        for (int i = 0; i < 50; i++) {
            publisher.publish(failingTopic, (i % 10 == 0 ? "x" : "ok").getBytes(StandardCharsets.UTF_8), 1, false);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> ingestor.processed() == processed + 50);
        assertThat(parsed.get() - before).isEqualTo(45);
        assertThat(ingestor.drops().countOf(IngestDrop.QUEUE_FULL)).isZero();
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheCallback() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String stuckTopic = "beckon-test/stuck/" + UUID.randomUUID();
        SightingParser stuck = new SightingParser() {
            @Override
            public String topicFilter() {
                return stuckTopic;
            }

            @Override
            public boolean handles(String topic) {
                return true;
            }

            @Override
            public dev.beckon.gateway.ingest.ParseResult parse(String topic, byte[] payload) {
                try {
                    if (payload.length == 0) {
                        return new dev.beckon.gateway.ingest.ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
                    }
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new dev.beckon.gateway.ingest.ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
            }
        };
        TopicRouter router = new TopicRouter(List.of(stuck));
        MqttIngestor ingestor = started(router, new SightingPipeline(PairingSnapshot::empty,
                PipelineSettings.defaults(), clock, () -> VisitId.of("v"), sink), 2);
        MqttClient publisher = publisher();
        String topic = router.topicFilters().get(0);
        long probes = ingestor.processed();

        for (int i = 0; i < 10; i++) {
            publisher.publish(topic, new byte[] {(byte) i}, 1, false);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ingestor.received() >= 10);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> ingestor.processed() == probes + 3);

        assertThat(ingestor.drops().countOf(IngestDrop.QUEUE_FULL)).isEqualTo(7);
        assertThat(ingestor.isConnected()).isTrue();
    }

    @Test
    void reconnectsAndResubscribesAfterTheBrokerDropsTheConnection() throws Exception {
        PairingSnapshot snapshot = StoreFixture.snapshot();
        TopicRouter router = router(snapshot);
        MqttSettings settings = settings(100, version());
        MqttIngestor ingestor = unstarted(router, new SightingPipeline(() -> snapshot, PipelineSettings.defaults(),
                clock, () -> VisitId.of("v"), sink), settings);
        ingestor.start();
        await().atMost(Duration.ofSeconds(15)).until(ingestor::isConnected);
        awaitSubscribed(ingestor, "beckon/probe/stores/probe/scanners/probe/sightings");
        assertThat(ingestor.connections()).isEqualTo(1);

        // a client with the same id takes the session over: the broker drops the ingestor's connection
        MqttClient intruder = publisher(settings.clientId());
        try {
            intruder.disconnect();
        } catch (MqttException alreadyDropped) {
            // the ingestor's reconnect took the session back first
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ingestor.connections() == 2 && ingestor.isConnected());
        assertThat(ingestor.protocol()).isEqualTo(expectedProtocol());

        long before = ingestor.processed();
        MqttClient publisher = publisher();
        EspresenseWalk.Message message = EspresenseWalk.message("shoes", -60);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publisher.publish(message.topic(), message.payload(), 1, false);
            return ingestor.processed() > before;
        });
    }

    protected TopicRouter router(PairingSnapshot snapshot) {
        AdvertisementDecoder decoder = new AdvertisementDecoder(new Drops<>(DecodeFailure.class));
        IngestLimits limits = IngestLimits.defaults();
        return new TopicRouter(List.of(new BeckonTopicParser(snapshot, decoder, clock, limits),
                new EspresenseParser(snapshot, clock, limits), new TheengsParser(snapshot, decoder, clock, limits)));
    }

    protected MqttIngestor started(TopicRouter router, SightingPipeline pipeline, int queueCapacity) {
        MqttIngestor ingestor = unstarted(router, pipeline, settings(queueCapacity, version()));
        ingestor.start();
        await().atMost(Duration.ofSeconds(15)).until(ingestor::isConnected);
        assertThat(ingestor.protocol()).isEqualTo(expectedProtocol());
        String filter = router.topicFilters().get(0);
        awaitSubscribed(ingestor, filter.contains("+") ? "beckon/probe/stores/probe/scanners/probe/sightings" : filter);
        return ingestor;
    }

    protected MqttSettings settings(int queueCapacity, MqttVersion version) {
        return new MqttSettings(brokerUrl(), "gw-test-" + UUID.randomUUID().toString().substring(0, 8), null, null, 1,
                queueCapacity, Duration.ofSeconds(5), Duration.ofSeconds(30), version, null, tls());
    }

    /** An ingestor that is closed after the test; not started. */
    protected MqttIngestor unstarted(TopicRouter router, SightingPipeline pipeline, MqttSettings settings) {
        MqttIngestor ingestor = new MqttIngestor(settings, router, pipeline, clock, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        closing.add(0, ingestor);
        return ingestor;
    }

    /**
     * Publishes empty probes on {@code probeTopic} until one comes through, then waits until no straggling probe
     * is still arriving, so the test's own counts start from a settled value.
     */
    protected void awaitSubscribed(MqttIngestor ingestor, String probeTopic) {
        MqttClient probe = publisher();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            probe.publish(probeTopic, new byte[0], 1, false);
            return ingestor.processed() > 0;
        });
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    long now = ingestor.processed();
                    return last.getAndSet(now) == now;
                });
    }

    protected MqttClient publisher() {
        return publisher("pub-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A connected MQTT 3.1.1 client with {@code clientId}, disconnected after the test. */
    protected MqttClient publisher(String clientId) {
        try {
            MqttClient client = new MqttClient(brokerUrl(), clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            if (brokerUrl().startsWith("ssl://")) {
                options.setSocketFactory(tls().socketFactory());
            }
            client.connect(options);
            closing.add(() -> {
                client.disconnectForcibly(0, 1000, false);
                client.close();
            });
            return client;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect a publisher to " + brokerUrl(), e);
        }
    }

    protected static void awaitProcessed(MqttIngestor ingestor, long count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                .until(() -> ingestor.processed() >= count);
    }

    protected void advanceAndAwaitTick(MqttIngestor ingestor, Duration step) {
        long ticks = ingestor.ticks();
        clock.advance(step);
        ingestor.wake();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2)).until(() -> ingestor.ticks() > ticks);
    }
}
