package dev.beckon.gateway.decode;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical identity of a beacon, the key of a store's pairing registry. One spelling per beacon whatever
 * the scanner printed (dashed or bare UUIDs, upper or lower case):
 * <ul>
 *   <li>{@code ibeacon:<uuid, lowercase, dashed>:<major>:<minor>} (decimal major and minor)</li>
 *   <li>{@code altbeacon:<40 hex beacon id>}</li>
 *   <li>{@code eddystone-uid:<20 hex namespace>:<12 hex instance>}</li>
 *   <li>{@code eddystone-eid:<16 hex ephemeral id>} (rotates; resolved server-side to the stable key below)</li>
 *   <li>{@code eid:<16 hex>}: the stable key of an Eddystone-EID beacon registered with its identity key, the
 *       first 8 bytes of SHA-256 of that key (see {@code dev.beckon.gateway.eid.EidIdentity#beaconKey()}); it is
 *       never heard over the air, only resolved to</li>
 *   <li>{@code eddystone-url:<url>}</li>
 *   <li>{@code scanner:<scanner id>}: not a radio identity but a fixed scanner standing in as a zone marker,
 *       for sightings where scanners in the store hear the shopper's device (ESPresense, Theengs); the zone
 *       state machine then ranks scanners as it ranks beacons. Scanner ids are 1-64 of
 *       {@code [A-Za-z0-9._-]}, case kept</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @param value the canonical spelling; never null. The constructor rejects anything else; use {@link #parse}
 *              for text from configuration or scanners
 */
public record BeaconKey(String value) {

    private static final Pattern IBEACON =
            Pattern.compile("ibeacon:(\\p{XDigit}{8}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{12})"
                    + ":(\\d{1,5}):(\\d{1,5})");
    private static final Pattern ALTBEACON = Pattern.compile("altbeacon:(\\p{XDigit}{40})");
    private static final Pattern EDDYSTONE_UID = Pattern.compile("eddystone-uid:(\\p{XDigit}{20}):(\\p{XDigit}{12})");
    private static final Pattern EDDYSTONE_EID = Pattern.compile("eddystone-eid:(\\p{XDigit}{16})");
    private static final Pattern EID_BEACON = Pattern.compile("eid:(\\p{XDigit}{16})");
    private static final Pattern EDDYSTONE_URL = Pattern.compile("eddystone-url:(\\S{1,256})");
    private static final Pattern SCANNER = Pattern.compile("scanner:[A-Za-z0-9._-]{1,64}");

    public BeaconKey {
        Objects.requireNonNull(value, "value");
        if (!canonicalise(value).filter(value::equals).isPresent()) {
            throw new IllegalArgumentException("not a canonical beacon key: '" + value + "'");
        }
    }

    /**
     * Reads a key written by a person or another system, canonicalising case and UUID dashes.
     *
     * @param text may be null
     * @return the key, or empty when {@code text} is not a beacon key (unknown kind, bad hex, major above 65535)
     */
    public static Optional<BeaconKey> parse(String text) {
        return canonicalise(text).map(BeaconKey::new);
    }

    private static Optional<String> canonicalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String candidate = trimmed.substring(0, colon).toLowerCase(Locale.ROOT) + trimmed.substring(colon);
        Matcher ibeacon = IBEACON.matcher(candidate);
        if (ibeacon.matches()) {
            int major = Integer.parseInt(ibeacon.group(2));
            int minor = Integer.parseInt(ibeacon.group(3));
            if (major > 0xFFFF || minor > 0xFFFF) {
                return Optional.empty();
            }
            String bare = ibeacon.group(1).replace("-", "");
            UUID uuid = UUID.fromString(bare.substring(0, 8) + '-' + bare.substring(8, 12) + '-'
                    + bare.substring(12, 16) + '-' + bare.substring(16, 20) + '-' + bare.substring(20));
            return Optional.of(ibeaconText(uuid, major, minor));
        }
        if (ALTBEACON.matcher(candidate).matches() || EDDYSTONE_UID.matcher(candidate).matches()
                || EDDYSTONE_EID.matcher(candidate).matches() || EID_BEACON.matcher(candidate).matches()) {
            return Optional.of(candidate.toLowerCase(Locale.ROOT));
        }
        if (EDDYSTONE_URL.matcher(candidate).matches() || SCANNER.matcher(candidate).matches()) {
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The key of an iBeacon; {@code major} and {@code minor} in 0..65535. */
    public static BeaconKey ibeacon(UUID uuid, int major, int minor) {
        return new BeaconKey(ibeaconText(Objects.requireNonNull(uuid, "uuid"), major, minor));
    }

    /** The key of an AltBeacon from its 20-byte beacon id as 40 hex digits. */
    public static BeaconKey altBeacon(String beaconIdHex) {
        return new BeaconKey("altbeacon:" + beaconIdHex.toLowerCase(Locale.ROOT));
    }

    /** The key of an Eddystone-UID from its 10-byte namespace and 6-byte instance in hex. */
    public static BeaconKey eddystoneUid(String namespaceHex, String instanceHex) {
        return new BeaconKey("eddystone-uid:" + namespaceHex.toLowerCase(Locale.ROOT) + ':'
                + instanceHex.toLowerCase(Locale.ROOT));
    }

    /** The key of one rotation of an Eddystone-EID, from its 8-byte ephemeral id in hex. */
    public static BeaconKey eddystoneEid(String ephemeralIdHex) {
        return new BeaconKey("eddystone-eid:" + ephemeralIdHex.toLowerCase(Locale.ROOT));
    }

    /** Whether this is the key of one rotation of an Eddystone-EID ({@code eddystone-eid:}), to be resolved. */
    public boolean isEphemeral() {
        return value.startsWith("eddystone-eid:");
    }

    /** The stable key of a registered Eddystone-EID beacon from 8 bytes in hex, see the class comment. */
    public static BeaconKey eidBeacon(String stableIdHex) {
        return new BeaconKey("eid:" + stableIdHex.toLowerCase(Locale.ROOT));
    }

    /** The key of an Eddystone-URL beacon from its expanded URL. */
    public static BeaconKey eddystoneUrl(String url) {
        return new BeaconKey("eddystone-url:" + url);
    }

    /**
     * The zone-marker key of a fixed scanner, see the class comment.
     *
     * @param scannerId 1-64 of {@code [A-Za-z0-9._-]}
     * @throws IllegalArgumentException for any other id
     */
    public static BeaconKey scanner(String scannerId) {
        return new BeaconKey("scanner:" + Objects.requireNonNull(scannerId, "scannerId"));
    }

    private static String ibeaconText(UUID uuid, int major, int minor) {
        if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
            throw new IllegalArgumentException("major and minor must be in 0..65535, got " + major + ", " + minor);
        }
        return "ibeacon:" + uuid.toString().toLowerCase(Locale.ROOT) + ':' + major + ':' + minor;
    }

    @Override
    public String toString() {
        return value;
    }
}
