package dev.beckon.adapters.bigcommerce.install;

import java.util.Objects;

/**
 * Who a verified {@code /load}, {@code /uninstall} or {@code /remove_user} callback is for.
 *
 * @param storeHash never null
 * @param userId    as text; never null
 * @param userEmail null if absent
 */
public record StoreSession(String storeHash, String userId, String userEmail) {

    public StoreSession {
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(userId, "userId");
    }
}
