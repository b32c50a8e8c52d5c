package dev.beckon.gateway.ownership;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;

import java.util.Objects;

/** A store, the unit of ownership. @param shop never null @param store never null */
public record StoreKey(ShopId shop, StoreId store) {

    public StoreKey {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
    }
}
