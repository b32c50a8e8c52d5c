package dev.beckon.gateway.apps;

import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.acl.JdbcCredentialStore;

import java.time.Instant;
import java.util.Objects;

/**
 * A store-app install of a shop as the app registered it. Immutable.
 *
 * @param shop      never null
 * @param installId a valid MQTT topic level ({@link JdbcCredentialStore#isInstallId}); never null
 * @param deviceKey what fixed scanners hear for the install's phone, as {@link InstallDevices#deviceKey} spells it;
 *                  null when the app only reports what it hears itself
 * @param optedIn   whether the shopper opted in to offers inside the app
 * @param updatedAt when the app last said so; never null
 */
public record AppInstall(ShopId shop, String installId, String deviceKey, boolean optedIn, Instant updatedAt) {

    public AppInstall {
        Objects.requireNonNull(shop, "shop");
        if (!JdbcCredentialStore.isInstallId(installId)) {
            throw new IllegalArgumentException("an install id is 1-200 characters without '/', '+', '#' or a"
                    + " leading '$'");
        }
        if (deviceKey != null && (deviceKey.isBlank() || deviceKey.length() > 255)) {
            throw new IllegalArgumentException("a device id is 1-255 characters");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
