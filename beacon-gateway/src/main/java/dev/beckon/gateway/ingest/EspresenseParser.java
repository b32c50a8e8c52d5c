package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.gateway.decode.BeaconKey;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ESPresense node reports, {@code espresense/devices/<deviceId>/<room>}: one device heard by the node in
 * {@code <room>}, which the {@link ScannerDirectory} maps to a store's scanner. Lenient about the firmware
 * generation: only {@code rssi} is required; {@code id} falls back to the topic's device id; {@code rssi@1m} is
 * taken as the advertised calibration when negative; {@code mac}, {@code distance}, {@code raw}, {@code speed},
 * {@code idType}, {@code rssiVar}, {@code var}, {@code int} and anything else are ignored. ESPresense sends no
 * timestamp, so the sighting is stamped with the gateway's clock. Query results on
 * {@code .../<room>/<reportId>} are not sightings and are dropped as unknown topics.
 *
 * <p>ESPresense ids {@code iBeacon:<uuid>-<major>-<minor>}, {@code altBeacon:...} and {@code eddy:<ns>-<inst>}
 * also give the sighting a beacon key; every other id ({@code irk:...}, {@code apple:...}, a MAC) is a device
 * without one.
 *
 * <p>Thread-safe; never throws on any input.
 */
public final class EspresenseParser implements SightingParser {

    /** The topic filter of ESPresense device reports. */
    public static final String TOPIC_FILTER = "espresense/devices/+/+";

    private static final String DEVICES = "espresense/devices/";

    private static final Pattern IBEACON = Pattern.compile(
            "ibeacon:(\\p{XDigit}{8}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{4}-?\\p{XDigit}{12})-(\\d{1,5})-(\\d{1,5})");
    private static final Pattern EDDYSTONE = Pattern.compile("eddy:(\\p{XDigit}{20})-(\\p{XDigit}{12})");

    private final ScannerDirectory directory;
    private final Plausibility plausibility;

    /**
     * @param directory maps room slugs to scanners; never null
     * @param clock     the gateway's clock, which stamps the sightings; never null
     * @param limits    never null
     */
    public EspresenseParser(ScannerDirectory directory, Clock clock, IngestLimits limits) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.plausibility = new Plausibility(clock, limits);
    }

    @Override
    public String topicFilter() {
        return TOPIC_FILTER;
    }

    @Override
    public boolean handles(String topic) {
        return topic.startsWith(DEVICES);
    }

    @Override
    public ParseResult parse(String topic, byte[] payload) {
        // espresense/devices/<id>/<room>, read without splitting: this runs for every sighting
        int room = topic == null || !handles(topic) ? -1 : topic.indexOf('/', DEVICES.length()) + 1;
        if (room <= DEVICES.length() || topic.indexOf('/', room) >= 0 || isBlank(topic, DEVICES.length(), room - 1)
                || isBlank(topic, room, topic.length())) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
        }
        Optional<ScannerRef> scanner = directory.byExternalName(ScannerSource.ESPRESENSE, topic.substring(room));
        if (scanner.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_SCANNER);
        }
        if (payload != null && payload.length > plausibility.limits().maxPayloadBytes()) {
            return new ParseResult.Dropped(IngestDrop.PAYLOAD_TOO_LARGE);
        }
        Optional<ReportFields> json = ReportFields.read(payload);
        if (json.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.MALFORMED_JSON);
        }
        ReportFields report = json.get();
        OptionalDouble rssi = report.number("rssi");
        if (rssi.isEmpty()) {
            return new ParseResult.Dropped(report.has("rssi") ? IngestDrop.ABSURD_RSSI : IngestDrop.MISSING_FIELD);
        }
        IngestDrop implausible = plausibility.rssi(rssi.getAsDouble());
        if (implausible != null) {
            return new ParseResult.Dropped(implausible);
        }
        Optional<String> reported = report.string("id");
        String id = reported.isPresent() ? reported.get() : topic.substring(DEVICES.length(), room - 1);
        Optional<DeviceId> device = BeckonTopicParser.deviceId(id);
        if (device.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.BAD_ID);
        }
        OptionalDouble rssiAt1m = report.number("rssi@1m");
        Integer calibration = rssiAt1m.isPresent() && rssiAt1m.getAsDouble() < 0
                && rssiAt1m.getAsDouble() >= Plausibility.WEAKEST_DBM
                ? (int) Math.round(rssiAt1m.getAsDouble()) : null;
        return ParseResult.Parsed.of(new Sighting(scanner.get(), device.get(), beaconKey(id).orElse(null),
                calibration, rssi.getAsDouble(), plausibility.now()));
    }

    /** Whether {@code text[from, to)} is empty or only whitespace, as {@link String#isBlank()} of that part. */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The beacon key an ESPresense id stands for, if it is a beacon id. */
    public static Optional<BeaconKey> beaconKey(String espresenseId) {
        int colon = espresenseId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = espresenseId.substring(0, colon).toLowerCase(Locale.ROOT) + espresenseId.substring(colon);
        Matcher ibeacon = IBEACON.matcher(id);
        if (ibeacon.matches()) {
            return BeaconKey.parse("ibeacon:" + ibeacon.group(1) + ':' + ibeacon.group(2) + ':' + ibeacon.group(3));
        }
        Matcher eddystone = EDDYSTONE.matcher(id);
        if (eddystone.matches()) {
            return BeaconKey.parse("eddystone-uid:" + eddystone.group(1) + ':' + eddystone.group(2));
        }
        return Optional.empty();
    }
}
