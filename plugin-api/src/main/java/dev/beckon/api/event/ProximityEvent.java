package dev.beckon.api.event;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.VisitId;

import java.time.Instant;

/** What the beacon gateway reports about a device's visit to a physical store. */
public sealed interface ProximityEvent extends EventPayload permits VisitStarted, ZoneEntered, ZoneDwelled, ZoneExited, VisitEnded {

    StoreId store();

    VisitId visit();

    DeviceId device();

    /** When it happened, by the gateway's clock. */
    Instant occurredAt();
}
