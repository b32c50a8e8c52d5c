package dev.beckon.gateway.pairing;

import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;

import java.util.Objects;

/**
 * A scanner registered with a store. A <em>fixed</em> scanner has a zone: what it hears is a shopper's device
 * near that zone, and the scanner is the zone's marker. A <em>roaming</em> scanner (the store app's
 * registration) has none: what it hears must be a paired beacon. Immutable.
 *
 * @param scanner      never null
 * @param source       never null
 * @param externalName the ESPresense room slug or Theengs gateway name that identifies it in topics, unique per
 *                     source; null for {@link ScannerSource#BECKON} scanners, required otherwise
 * @param zone         the zone of a fixed scanner, or null for a roaming one
 * @param calibration  RSSI at 1 m of a reference phone and path-loss exponent around this scanner; never null
 */
public record RegisteredScanner(ScannerRef scanner, ScannerSource source, String externalName, StoreZoneId zone,
                                Calibration calibration) {

    public RegisteredScanner {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(calibration, "calibration");
        if ((source == ScannerSource.BECKON) != (externalName == null)
                || (externalName != null && (externalName.isBlank() || externalName.length() > 200
                || externalName.contains("/")))) {
            throw new IllegalArgumentException("external name is required for ESPresense and Theengs scanners only,"
                    + " without '/', at most 200 characters; got '" + externalName + "' for " + source);
        }
    }
}
