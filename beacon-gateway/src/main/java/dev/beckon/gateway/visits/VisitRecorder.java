package dev.beckon.gateway.visits;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.pipeline.ProximitySink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ProximitySink} that records visits without making the ingest worker wait for the database: events go
 * into a bounded queue, and one writer thread stores them in batches (one transaction per shop per batch of up to
 * {@value #BATCH} events) through {@link JdbcVisitStore#recordAll}. A full queue drops the event and counts it;
 * a failed write is logged and its events counted as failed, and the writer goes on.
 *
 * <p>Thread-safe: {@link #accept} never blocks and never throws. Compose it with the engine's sink, e.g.
 * {@code recorder.andThen(engineSink)}.
 */
public final class VisitRecorder implements ProximitySink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VisitRecorder.class.getName());
    private static final int BATCH = 500;

    private record Pending(ShopId shop, ProximityEvent event) {
    }

    private final JdbcVisitStore store;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    /**
     * Starts the writer thread.
     *
     * @param store    never null
     * @param capacity events the queue holds; positive
     * @param threads  makes the writer thread (a managed one in the container); never null
     */
    public VisitRecorder(JdbcVisitStore store, int capacity, ThreadFactory threads) {
        this.store = Objects.requireNonNull(store, "store");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Objects.requireNonNull(threads, "threads").newThread(this::drain);
        writer.setName("beckon-gateway-visit-writer");
        writer.start();
    }

    @Override
    public void accept(ShopId shop, ProximityEvent event) {
        if (shop == null || event == null || !running || !queue.offer(new Pending(shop, event))) {
            dropped.incrementAndGet();
        }
    }

    /** Events stored so far. */
    public long recorded() {
        return recorded.get();
    }

    /** Events dropped because the queue was full (or the recorder closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Events whose write failed. */
    public long failed() {
        return failed.get();
    }

    /** Stores what is queued, then stops the writer (waits up to 10 s). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "visit writer failed; going on", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        Map<ShopId, List<ProximityEvent>> byShop = new LinkedHashMap<>();
        batch.forEach(pending -> byShop.computeIfAbsent(pending.shop(), shop -> new ArrayList<>())
                .add(pending.event()));
        byShop.forEach((shop, events) -> {
            try {
                store.recordAll(shop, events);
                recorded.addAndGet(events.size());
            } catch (RuntimeException e) {
                failed.addAndGet(events.size());
                LOG.log(System.Logger.Level.ERROR, "recording " + events.size() + " zone events of shop " + shop
                        + " failed", e);
            }
        });
    }
}
