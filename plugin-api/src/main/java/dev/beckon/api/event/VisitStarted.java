package dev.beckon.api.event;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.VisitId;

import java.time.Instant;
import java.util.Objects;

/** A device was first heard in a store, opening a visit. All fields are never null. */
public record VisitStarted(StoreId store, VisitId visit, DeviceId device, Instant at) implements ProximityEvent {

    public VisitStarted {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public Instant occurredAt() {
        return at;
    }
}
