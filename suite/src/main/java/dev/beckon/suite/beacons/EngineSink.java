package dev.beckon.suite.beacons;

import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.pipeline.ProximitySink;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Hands the gateway's zone events to the engine's durable inbox without blocking the ingest worker: each event is
 * wrapped in an {@link EventEnvelope} (source {@value #SOURCE}, a dedup key from visit, type, zone and time) and
 * stored on the given executor. A full executor drops the event and counts it; a failing store is logged and
 * counted. Thread-safe; {@link #accept} never blocks and never throws.
 */
final class EngineSink implements ProximitySink {

    static final String SOURCE = "beacon-gateway";
    private static final System.Logger LOG = System.getLogger(EngineSink.class.getName());

    private final Consumer<List<EventEnvelope>> inbox;
    private final Executor executor;
    private final Clock clock;
    private final LongAdder handedOff = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /**
     * @param inbox    stores envelopes durably (the engine's {@code accept}); may block
     * @param executor runs the stores; may reject when full
     * @param clock    stamps {@code receivedAt}
     */
    EngineSink(Consumer<List<EventEnvelope>> inbox, Executor executor, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void accept(ShopId shop, ProximityEvent event) {
        EventEnvelope envelope;
        try {
            envelope = envelope(shop, event, clock.instant());
        } catch (RuntimeException e) {
            failed.increment();
            LOG.log(System.Logger.Level.ERROR, "cannot wrap a zone event of shop " + shop, e);
            return;
        }
        try {
            executor.execute(() -> store(envelope));
            handedOff.increment();
        } catch (RejectedExecutionException e) {
            rejected.increment();
            LOG.log(System.Logger.Level.WARNING, "zone event {0} of shop {1} dropped: the engine hand-off is full",
                    envelope.dedupKey(), shop);
        }
    }

    private void store(EventEnvelope envelope) {
        try {
            inbox.accept(List.of(envelope));
        } catch (RuntimeException e) {
            failed.increment();
            LOG.log(System.Logger.Level.ERROR, "storing zone event " + envelope.dedupKey() + " of shop "
                    + envelope.shop() + " failed", e);
        }
    }

    static EventEnvelope envelope(ShopId shop, ProximityEvent event, Instant receivedAt) {
        Instant at = event.occurredAt();
        return new EventEnvelope(EventId.random(), shop, SOURCE, "", at, receivedAt, dedupKey(event), event);
    }

    /** {@code <visit>:<type>:<zone or ->:<epoch ms>}, plus the dwell mark for dwells: equal for a replayed event. */
    static String dedupKey(ProximityEvent event) {
        String zone;
        if (event instanceof ZoneEntered entered) {
            zone = entered.zone().value();
        } else if (event instanceof ZoneDwelled dwelled) {
            zone = dwelled.zone().value() + ":" + dwelled.dwell();
        } else if (event instanceof ZoneExited exited) {
            zone = exited.zone().value();
        } else {
            zone = "-";
        }
        return event.visit().value() + ":" + event.getClass().getSimpleName() + ":" + zone + ":"
                + event.occurredAt().toEpochMilli();
    }

    /** Events handed to the executor so far. */
    long handedOff() {
        return handedOff.sum();
    }

    /** Events dropped because the executor was full. */
    long rejected() {
        return rejected.sum();
    }

    /** Events that could not be stored. */
    long failed() {
        return failed.sum();
    }
}
