package dev.beckon.gateway.acl;

import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;

import java.util.Objects;

/** Who an authenticated MQTT client is. Immutable values. */
public sealed interface ClientIdentity {

    /**
     * A store's scanner (ESP32 node, Theengs gateway, fixed Beckon scanner, the store app's shelf tablet).
     *
     * @param scanner      never null
     * @param source       never null
     * @param externalName the ESPresense room or Theengs gateway name; null for {@link ScannerSource#BECKON}
     */
    record Scanner(ScannerRef scanner, ScannerSource source, String externalName) implements ClientIdentity {

        public Scanner {
            Objects.requireNonNull(scanner, "scanner");
            Objects.requireNonNull(source, "source");
            if ((source == ScannerSource.BECKON) != (externalName == null)) {
                throw new IllegalArgumentException("an external name is required for ESPresense and Theengs only");
            }
        }
    }

    /**
     * The store app on one shopper's phone: receives its own offers and may report sightings as one of the
     * shop's roaming (zone-less) Beckon scanners.
     *
     * @param shop      never null
     * @param installId the app install's id, as in its offer topic; never null
     */
    record AppInstall(ShopId shop, String installId) implements ClientIdentity {

        public AppInstall {
            Objects.requireNonNull(shop, "shop");
            Objects.requireNonNull(installId, "installId");
        }
    }

    /** The suite's (and gateway's) own service account: may publish and subscribe anywhere. */
    record Suite() implements ClientIdentity {
    }
}
