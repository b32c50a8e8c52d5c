package dev.beckon.gateway.apps;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.pipeline.ProximitySink;

import java.util.Objects;

/**
 * Renames the device of each zone event to the app install that claimed it ({@link InstallDevices}), then passes
 * the event on: a phone a fixed scanner heard by the iBeacon its store app advertises is recorded and offered to as
 * that install. Events of unclaimed devices pass unchanged. Runs on the ingest worker; never blocks.
 */
public final class InstallResolvingSink implements ProximitySink {

    private final InstallDevices installs;
    private final ProximitySink next;

    /** @param installs never null; @param next never null */
    public InstallResolvingSink(InstallDevices installs, ProximitySink next) {
        this.installs = Objects.requireNonNull(installs, "installs");
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void accept(ShopId shop, ProximityEvent event) {
        DeviceId device = installs.resolve(shop, event.device());
        next.accept(shop, device.equals(event.device()) ? event : withDevice(event, device));
    }

    static ProximityEvent withDevice(ProximityEvent event, DeviceId device) {
        if (event instanceof VisitStarted e) {
            return new VisitStarted(e.store(), e.visit(), device, e.at());
        } else if (event instanceof ZoneEntered e) {
            return new ZoneEntered(e.store(), e.zone(), e.visit(), device, e.at());
        } else if (event instanceof ZoneDwelled e) {
            return new ZoneDwelled(e.store(), e.zone(), e.visit(), device, e.dwell(), e.at());
        } else if (event instanceof ZoneExited e) {
            return new ZoneExited(e.store(), e.zone(), e.visit(), device, e.at());
        } else if (event instanceof VisitEnded e) {
            return new VisitEnded(e.store(), e.visit(), device, e.startedAt(), e.endedAt());
        }
        throw new IllegalArgumentException("unknown proximity event " + event.getClass().getName());
    }
}
