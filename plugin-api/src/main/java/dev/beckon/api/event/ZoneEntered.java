package dev.beckon.api.event;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;

import java.time.Instant;
import java.util.Objects;

/**
 * A device entered a zone of a store (after filtering and hysteresis). All fields are never null.
 */
public record ZoneEntered(StoreId store, StoreZoneId zone, VisitId visit, DeviceId device, Instant at)
        implements ProximityEvent {

    public ZoneEntered {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public Instant occurredAt() {
        return at;
    }
}
