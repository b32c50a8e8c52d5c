package dev.beckon.api.event;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A device has stayed in a zone for {@code dwell} so far. Triggers in-store offers. All fields are never null.
 */
public record ZoneDwelled(StoreId store, StoreZoneId zone, VisitId visit, DeviceId device, Duration dwell,
                          Instant at) implements ProximityEvent {

    public ZoneDwelled {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dwell, "dwell");
        if (dwell.isNegative()) {
            throw new IllegalArgumentException("dwell must not be negative: " + dwell);
        }
        Objects.requireNonNull(at, "at");
    }

    public long seconds() {
        return dwell.toSeconds();
    }

    @Override
    public Instant occurredAt() {
        return at;
    }
}
