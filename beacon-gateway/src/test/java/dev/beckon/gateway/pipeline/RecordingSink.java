package dev.beckon.gateway.pipeline;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.ShopId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that remembers what it got; safe to read from the test thread while the worker writes. */
public final class RecordingSink implements ProximitySink {

    private final List<ProximityEvent> events = new CopyOnWriteArrayList<>();
    private final List<ShopId> shops = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ShopId shop, ProximityEvent event) {
        shops.add(shop);
        events.add(event);
    }

    public List<ProximityEvent> events() {
        return List.copyOf(events);
    }

    public List<ShopId> shops() {
        return List.copyOf(shops);
    }
}
