package dev.beckon.adapters.woocommerce.install;

import dev.beckon.api.model.ShopId;

import java.time.Instant;
import java.util.Objects;

/**
 * An install that sent the merchant to {@code /wc-auth/v1/authorize} and waits for the key callback.
 *
 * @param shop      the Beckon shop being installed; never null
 * @param store     the store the merchant named; never null
 * @param userId    the one-time random {@code user_id} sent with the link; the unsigned callback must echo it;
 *                  never null, never logged
 * @param expiresAt after this the callback is refused; never null
 */
public record PendingInstall(ShopId shop, StoreUrl store, String userId, Instant expiresAt) {

    public PendingInstall {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "PendingInstall[shop=" + shop + ", store=" + store + ", expiresAt=" + expiresAt + ", userId=<hidden>]";
    }
}
