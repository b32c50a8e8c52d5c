package dev.beckon.gateway.pipeline;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.ShopId;

/**
 * Where the gateway's zone events go; the suite wires it to the engagement engine.
 *
 * <p>Called on the single ingest worker thread, one event at a time, in the order the events happened for each
 * device. It must not block for long (hand off to the engine's inbox); it should not throw, but if it does the
 * exception is logged and counted as {@link PipelineDrop#SINK_FAILED} and ingestion goes on.
 */
@FunctionalInterface
public interface ProximitySink {

    /**
     * @param shop  the shop the store belongs to (the event names only the store); never null
     * @param event never null
     */
    void accept(ShopId shop, ProximityEvent event);

    /**
     * This sink, then {@code next}, for every event; {@code next} is called even when this one throws, and the
     * first exception is rethrown after both ran.
     *
     * @param next never null
     */
    default ProximitySink andThen(ProximitySink next) {
        java.util.Objects.requireNonNull(next, "next");
        return (shop, event) -> {
            RuntimeException failure = null;
            try {
                accept(shop, event);
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                next.accept(shop, event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        };
    }
}
