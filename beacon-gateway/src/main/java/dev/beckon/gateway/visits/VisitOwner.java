package dev.beckon.gateway.visits;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;

import java.util.Objects;

/**
 * Whose visit it is, as the retention rule sees it. Immutable.
 *
 * @param shop      never null
 * @param device    never null
 * @param shopperId the linked shopper, or null
 */
public record VisitOwner(ShopId shop, DeviceId device, String shopperId) {

    public VisitOwner {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(device, "device");
    }
}
