package dev.beckon.gateway.visits;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.VisitId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device's visit to a store as recorded. Immutable.
 *
 * @param device    the device (an app install id when the store app reported it); never null
 * @param shopperId the shopper the suite linked to the device, or null
 * @param startedAt never null
 * @param endedAt   null while the visit is open
 * @param events    in the order they happened (same instant: the order they were emitted); never null
 */
public record Visit(ShopId shop, StoreId store, VisitId visit, DeviceId device, String shopperId, Instant startedAt,
                    Instant endedAt, List<RecordedEvent> events) {

    public Visit {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(startedAt, "startedAt");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    public boolean ended() {
        return endedAt != null;
    }

    public Optional<String> shopper() {
        return Optional.ofNullable(shopperId);
    }
}
