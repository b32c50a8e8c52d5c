package dev.beckon.api.event;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.VisitId;

import java.time.Instant;
import java.util.Objects;

/** A device has not been heard in the store for the absence timeout. All fields are never null. */
public record VisitEnded(StoreId store, VisitId visit, DeviceId device, Instant startedAt, Instant endedAt)
        implements ProximityEvent {

    public VisitEnded {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a visit cannot end before it starts");
        }
    }

    @Override
    public Instant occurredAt() {
        return endedAt;
    }
}
