package dev.beckon.gateway.ingest;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scanner of a store: an ESP32 node, a Theengs/OpenMQTTGateway gateway, a fixed Beckon scanner or the store
 * app on one shelf tablet. Immutable.
 *
 * @param shop      never null
 * @param store     never null
 * @param scannerId 1-64 of {@code [A-Za-z0-9._-]} (it appears in MQTT topics and in zone-marker keys)
 */
public record ScannerRef(ShopId shop, StoreId store, String scannerId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ScannerRef {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        if (!isValidId(scannerId)) {
            throw new IllegalArgumentException("scanner id must be 1-64 of [A-Za-z0-9._-], got '" + scannerId + "'");
        }
    }

    /** Whether {@code scannerId} is a well-formed scanner id; null is not. */
    public static boolean isValidId(String scannerId) {
        return scannerId != null && ID.matcher(scannerId).matches();
    }

    @Override
    public String toString() {
        return shop + "/" + store + "/" + scannerId;
    }
}
