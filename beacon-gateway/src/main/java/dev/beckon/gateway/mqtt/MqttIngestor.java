package dev.beckon.gateway.mqtt;

import dev.beckon.gateway.Drops;
import dev.beckon.gateway.ingest.IngestDrop;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.ingest.TopicRouter;
import dev.beckon.gateway.pipeline.SightingPipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscribes to the sighting topics over an {@link MqttConnection} (MQTT 5 or 3.1.1, as
 * {@link MqttSettings#version()} asks) and feeds the messages through the parsers into the {@link SightingPipeline}.
 *
 * <p>Threads: Paho's callback thread only copies each message into a bounded queue ({@code messageArrived}
 * never blocks and never throws; a full queue drops the message and counts {@link IngestDrop#QUEUE_FULL}). One
 * worker thread, made by the given {@link ThreadFactory} (a managed one in the container), drains the queue into
 * the parsers and the pipeline, ticks the pipeline about once a second of the injected clock, and survives any
 * bad message. The pipeline and the sink run on that worker only.
 *
 * <p>Connection: clean session (MQTT 5: clean start, session expiry 0), Paho's automatic reconnect, and
 * re-subscription to every topic filter (as {@code $share/<group>/<filter>} with a shared group) on every connection
 * (a clean session forgets subscriptions). When the broker is unreachable at {@link #start()}, or refuses the
 * connection, the worker keeps retrying the first connection every 5 s (wall time); Paho's reconnect takes over
 * after that. {@link #protocol()} tells which protocol is in use, {@link #lastFailure()} why the last attempt failed.
 *
 * <p>{@link #start()} and {@link #close()} may be called from any thread; the counters are thread-safe.
 */
public final class MqttIngestor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MqttIngestor.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(5);

    private record Inbound(String topic, byte[] payload) {
    }

    /** Not a message: makes the worker look at the clock now instead of after its poll timeout. */
    private static final Inbound WAKE = new Inbound("", new byte[0]);

    private final MqttSettings settings;
    private final TopicRouter router;
    private final SightingPipeline pipeline;
    private final Clock clock;
    private final ThreadFactory threads;
    private final BlockingQueue<Inbound> queue;
    private final Drops<IngestDrop> drops = new Drops<>(IngestDrop.class);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final Object lifecycle = new Object();
    private volatile MqttConnection connection;
    private volatile String lastFailure;
    private Thread worker;
    private volatile boolean running;
    private volatile boolean everConnected;
    private long nextConnectAttemptNanos;

    /**
     * @param settings never null
     * @param router   the parsers, whose topic filters are subscribed; never null
     * @param pipeline confined to this ingestor's worker from now on; never null
     * @param clock    the gateway's clock, which paces the pipeline's ticks; never null
     * @param threads  makes the worker thread; never null
     */
    public MqttIngestor(MqttSettings settings, TopicRouter router, SightingPipeline pipeline, Clock clock,
                        ThreadFactory threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.router = Objects.requireNonNull(router, "router");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /**
     * Starts the worker and the first connection attempt; returns without waiting for the broker.
     *
     * @throws IllegalStateException when already started or closed
     * @throws IllegalArgumentException when the broker URL or client id is unusable for Paho
     */
    public void start() {
        synchronized (lifecycle) {
            if (connection != null) {
                throw new IllegalStateException("already started");
            }
            connection = MqttConnection.open(settings, settings.clientId(), new Events());
            running = true;
            worker = threads.newThread(this::drain);
            worker.setName("beckon-gateway-mqtt-ingest");
            worker.start();
            connect();
        }
    }

    /** Whether the client is connected to the broker now. */
    public boolean isConnected() {
        MqttConnection current = connection;
        return current != null && current.isConnected();
    }

    /** The protocol of the last successful connection (kept while reconnecting); null before the first. */
    public MqttProtocol protocol() {
        MqttConnection current = connection;
        return current == null ? null : current.protocol();
    }

    /**
     * Why the last connection attempt failed, naming the broker (e.g. that it does not speak MQTT 5); null once
     * connected.
     */
    public String lastFailure() {
        return lastFailure;
    }

    /** Messages delivered by the broker so far, including those the queue had no room for. */
    public long received() {
        return received.get();
    }

    /** Messages the worker has fully handled (parsed, and the sightings through the pipeline). */
    public long processed() {
        return processed.get();
    }

    /** Successful connections so far, the first and every reconnection. */
    public long connections() {
        return connections.get();
    }

    /** Messages and batch entries dropped before the pipeline, by reason (queue full included). */
    public Drops<IngestDrop> drops() {
        return drops;
    }

    /** How often the worker has ticked the pipeline (about once a second of the injected clock). */
    public long ticks() {
        return ticks.get();
    }

    /** Messages waiting for the worker now. */
    public int queued() {
        return queue.size();
    }

    /** Disconnects, stops the worker (what is still queued is dropped) and releases the client. Idempotent. */
    /**
     * Has the worker check the clock (and tick the pipeline if a tick is due) now rather than within its 100 ms poll:
     * for a caller that has just moved the injected clock. Never blocks; a full queue makes it a no-op.
     */
    void wake() {
        queue.offer(WAKE);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            connection.close();
            worker.interrupt();
            try {
                worker.join(settings.connectTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void connect() {
        nextConnectAttemptNanos = System.nanoTime() + FIRST_CONNECT_RETRY.toNanos();
        connection.connect();
    }

    private void drain() {
        Instant nextTick = clock.instant();
        while (running) {
            try {
                // one message at a time: a batch taken off the queue would hold messages beyond its capacity
                Inbound inbound = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (inbound != null && inbound != WAKE) {
                    handle(inbound);
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextTick)) {
                    pipeline.tick();
                    ticks.incrementAndGet();
                    nextTick = now.plus(TICK);
                }
                retryFirstConnection();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "ingest worker survived an unexpected failure", e);
            }
        }
    }

    /** Parses one message and runs its sightings through the pipeline; survives (logs) any failure of either. */
    private void handle(Inbound inbound) {
        try {
            ParseResult result = router.parse(inbound.topic(), inbound.payload());
            List<IngestDrop> dropped = result.drops();
            for (IngestDrop drop : dropped) {
                drops.record(drop);
            }
            if (result instanceof ParseResult.Parsed parsed) {
                for (Sighting sighting : parsed.sightings()) {
                    pipeline.accept(sighting);
                }
            }
            if (!dropped.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "dropped from {0}: {1}", inbound.topic(), dropped);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "ingest worker survived an unexpected failure on " + inbound.topic(), e);
        } finally {
            processed.incrementAndGet();
        }
    }

    private void retryFirstConnection() {
        if (everConnected || !running) {
            return;
        }
        synchronized (lifecycle) {
            if (running && !everConnected && !connection.isConnected() && System.nanoTime() - nextConnectAttemptNanos > 0) {
                connect();
            }
        }
    }

    private final class Events implements MqttConnection.Listener {

        @Override
        public void connected(boolean reconnect, String serverUri, MqttProtocol protocol) {
            everConnected = true;
            lastFailure = null;
            connections.incrementAndGet();
            List<String> filters = router.topicFilters().stream().map(settings::subscriptionFilter).toList();
            connection.subscribe(filters, settings.qos());
            LOG.log(System.Logger.Level.INFO, "{0} to {1} with {2}, subscribing to {3}",
                    reconnect ? "reconnected" : "connected", serverUri, protocol, filters);
        }

        @Override
        public void connectionLost(String cause) {
            LOG.log(System.Logger.Level.WARNING, "lost MQTT connection to {0}, reconnecting: {1}",
                    settings.brokerUrl(), cause);
        }

        @Override
        public void connectFailed(MqttConnection.ConnectFailure failure) {
            lastFailure = failure.reason();
            LOG.log(System.Logger.Level.WARNING, "{0}; retrying in {1} s", failure.reason(),
                    FIRST_CONNECT_RETRY.toSeconds());
        }

        @Override
        public void messageArrived(String topic, byte[] payload) {
            try {
                received.incrementAndGet();
                if (!queue.offer(new Inbound(topic, payload))) {
                    drops.record(IngestDrop.QUEUE_FULL);
                }
            } catch (RuntimeException e) {
                drops.record(IngestDrop.QUEUE_FULL);
            }
        }
    }
}
