package dev.beckon.gateway.apps;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.ingest.EspresenseParser;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which app install a device id that fixed scanners report belongs to, per shop: an in-memory copy of
 * {@link JdbcAppInstalls}' device keys, so the ingest worker resolves without touching the database. Thread-safe
 * (lock-free reads); {@link #resolve} never blocks.
 */
public final class InstallDevices {

    private record Key(ShopId shop, String deviceKey) {
    }

    private volatile Map<Key, String> installs = new ConcurrentHashMap<>();

    /**
     * The canonical spelling of a device id fixed scanners report: a beacon id the phone advertises becomes its
     * beacon key ({@code iBeacon:<uuid>-<major>-<minor>} of ESPresense and {@code ibeacon:<uuid>:<major>:<minor>}
     * are the same), anything else (a MAC, an ESPresense {@code irk:} id) is trimmed and lower-cased.
     *
     * @return null for a null or blank id
     */
    public static String deviceKey(String device) {
        if (device == null || device.isBlank()) {
            return null;
        }
        String text = device.strip();
        Optional<BeaconKey> key = BeaconKey.parse(text).or(() -> EspresenseParser.beaconKey(text));
        return key.map(BeaconKey::value).orElse(text.toLowerCase(Locale.ROOT));
    }

    /** Replaces every mapping with those of {@code all} (at start). */
    public void replaceAll(Collection<AppInstall> all) {
        Map<Key, String> fresh = new ConcurrentHashMap<>();
        for (AppInstall install : all) {
            if (install.deviceKey() != null) {
                fresh.put(new Key(install.shop(), install.deviceKey()), install.installId());
            }
        }
        installs = fresh;
    }

    /**
     * Records a (re-)registration: the install's previous device key, if any, no longer maps to it.
     *
     * @param install never null
     */
    public void put(AppInstall install) {
        Objects.requireNonNull(install, "install");
        Map<Key, String> current = installs;
        current.entrySet().removeIf(e -> e.getKey().shop().equals(install.shop())
                && e.getValue().equals(install.installId()));
        if (install.deviceKey() != null) {
            current.put(new Key(install.shop(), install.deviceKey()), install.installId());
        }
    }

    /** The install {@code device} belongs to, as a device id; {@code device} itself when no install claimed it. */
    public DeviceId resolve(ShopId shop, DeviceId device) {
        String key = deviceKey(device.value());
        String install = key == null ? null : installs.get(new Key(shop, key));
        return install == null ? device : DeviceId.of(install);
    }
}
