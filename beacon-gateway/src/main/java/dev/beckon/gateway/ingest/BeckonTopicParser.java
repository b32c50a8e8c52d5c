package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.BeaconKey;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Beckon's own sighting topic, {@code beckon/<shopId>/stores/<storeId>/scanners/<scannerId>/sightings}, where a
 * fixed scanner or the store app publishes a JSON batch (UTF-8):
 *
 * <pre>{@code
 * {
 *   "v": 1,                                   // optional; 1 when absent, anything else is dropped
 *   "installId": "a1b2c3d4-app-install",      // optional: set by the store app, the shopper's device for
 *                                             // every entry (the phone heard store beacons)
 *   "sightings": [                            // required, 1..maxBatchSize entries, oldest first
 *     { "ts": "2026-11-23T15:41:07.250Z",     // required: ISO-8601 instant, or epoch milliseconds (number)
 *       "rssi": -67,                          // required: dBm, in [-127, 0)
 *       "mfg": "4c000215...c5" },             // manufacturer data hex, company id little-endian first
 *     { "ts": 1795448467250, "rssi": -71,
 *       "eddystone": "00e2...0000" },         // Eddystone service data hex (UUID 0xFEAA), frame type first
 *     { "ts": "...", "rssi": -80,
 *       "beacon": "ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2",  // an already decoded key (any case,
 *                                                                     // UUID with or without dashes)
 *       "device": "c4:7c:8d:6a:2e:11" }       // fixed scanners only: the observed shopper device; defaults
 *   ]                                         // to the beacon key heard when absent
 * }
 * }</pre>
 *
 * An entry names its beacon by {@code beacon}, else {@code mfg}, else {@code eddystone}; an entry with none of
 * them but a {@code device} is a non-beacon device heard by a fixed scanner. The shopper's device is
 * {@code installId}, else the entry's {@code device}, else the beacon key. Bad entries are skipped with their
 * reason and the rest kept; a bad envelope (JSON, version, size, unknown scanner) drops the whole message.
 *
 * <p>Thread-safe; never throws on any input.
 */
public final class BeckonTopicParser implements SightingParser {

    /** The topic filter of Beckon sightings. */
    public static final String TOPIC_FILTER = "beckon/+/stores/+/scanners/+/sightings";
    private static final int SUPPORTED_VERSION = 1;

    private final ScannerDirectory directory;
    private final AdvertisementIds advertisements;
    private final Plausibility plausibility;

    /**
     * @param directory where the topic's scanner must be registered; never null
     * @param decoder   decodes raw advertisement hex; never null
     * @param clock     the gateway's clock, for future and stale timestamps; never null
     * @param limits    never null
     */
    public BeckonTopicParser(ScannerDirectory directory, AdvertisementDecoder decoder,
                             Clock clock, IngestLimits limits) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.advertisements = new AdvertisementIds(decoder);
        this.plausibility = new Plausibility(clock, limits);
    }

    @Override
    public String topicFilter() {
        return TOPIC_FILTER;
    }

    @Override
    public boolean handles(String topic) {
        String[] levels = topic.split("/", -1);
        return levels.length == 7 && levels[0].equals("beckon") && levels[2].equals("stores")
                && levels[4].equals("scanners") && levels[6].equals("sightings");
    }

    @Override
    public ParseResult parse(String topic, byte[] payload) {
        if (topic == null || !handles(topic)) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
        }
        Optional<ScannerRef> scanner = scanner(topic.split("/", -1));
        if (scanner.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_SCANNER);
        }
        if (payload != null && payload.length > plausibility.limits().maxPayloadBytes()) {
            return new ParseResult.Dropped(IngestDrop.PAYLOAD_TOO_LARGE);
        }
        Optional<JsonObject> json = JsonPayload.object(payload);
        if (json.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.MALFORMED_JSON);
        }
        JsonObject batch = json.get();
        if (JsonPayload.has(batch, "v")) {
            OptionalDouble version = JsonPayload.number(batch, "v");
            if (version.isEmpty() || version.getAsDouble() != SUPPORTED_VERSION) {
                return new ParseResult.Dropped(IngestDrop.UNSUPPORTED_VERSION);
            }
        }
        if (!(batch.get("sightings") instanceof JsonArray entries) || entries.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.MISSING_FIELD);
        }
        if (entries.size() > plausibility.limits().maxBatchSize()) {
            return new ParseResult.Dropped(IngestDrop.BATCH_TOO_LARGE);
        }
        DeviceId installId = null;
        if (JsonPayload.has(batch, "installId")) {
            Optional<DeviceId> id = JsonPayload.string(batch, "installId").flatMap(BeckonTopicParser::deviceId);
            if (id.isEmpty()) {
                return new ParseResult.Dropped(IngestDrop.BAD_ID);
            }
            installId = id.get();
        }
        List<Sighting> sightings = new ArrayList<>(entries.size());
        List<IngestDrop> skipped = new ArrayList<>();
        for (JsonValue entry : entries) {
            if (entry instanceof JsonObject object) {
                entry(scanner.get(), installId, object, sightings, skipped);
            } else {
                skipped.add(IngestDrop.MALFORMED_JSON);
            }
        }
        return new ParseResult.Parsed(sightings, skipped);
    }

    private Optional<ScannerRef> scanner(String[] levels) {
        String shop = levels[1];
        String store = levels[3];
        String scannerId = levels[5];
        if (shop.isBlank() || store.isBlank() || shop.length() > 255 || store.length() > 255
                || !ScannerRef.isValidId(scannerId)) {
            return Optional.empty();
        }
        ScannerRef ref = new ScannerRef(ShopId.of(shop), StoreId.of(store), scannerId);
        return directory.isRegistered(ref) ? Optional.of(ref) : Optional.empty();
    }

    private void entry(ScannerRef scanner, DeviceId installId, JsonObject entry, List<Sighting> sightings,
                       List<IngestDrop> skipped) {
        OptionalDouble rssi = JsonPayload.number(entry, "rssi");
        Optional<Optional<Instant>> ts = JsonPayload.instant(entry, "ts");
        if (rssi.isEmpty() || ts.isEmpty()) {
            skipped.add(JsonPayload.has(entry, "rssi") && rssi.isEmpty() ? IngestDrop.ABSURD_RSSI
                    : IngestDrop.MISSING_FIELD);
            return;
        }
        if (ts.get().isEmpty()) {
            skipped.add(IngestDrop.BAD_TIMESTAMP);
            return;
        }
        IngestDrop implausible = plausibility.rssi(rssi.getAsDouble());
        if (implausible == null) {
            implausible = plausibility.timestamp(ts.get().get());
        }
        if (implausible != null) {
            skipped.add(implausible);
            return;
        }
        AdvertisementIds.Outcome beacon = beacon(entry);
        if (beacon.failure() != null) {
            skipped.add(beacon.failure());
            return;
        }
        DeviceId device = installId;
        if (device == null && JsonPayload.has(entry, "device")) {
            Optional<DeviceId> observed = JsonPayload.string(entry, "device").flatMap(BeckonTopicParser::deviceId);
            if (observed.isEmpty()) {
                skipped.add(IngestDrop.BAD_ID);
                return;
            }
            device = observed.get();
        }
        if (device == null && beacon.key() != null) {
            device = DeviceId.of(beacon.key().value());
        }
        if (device == null) {
            skipped.add(IngestDrop.MISSING_FIELD);
            return;
        }
        sightings.add(new Sighting(scanner, device, beacon.key(), beacon.rssiAt1m(), rssi.getAsDouble(),
                ts.get().get()));
    }

    /** The entry's beacon; a key of null without failure when the entry names no beacon at all. */
    private AdvertisementIds.Outcome beacon(JsonObject entry) {
        if (JsonPayload.has(entry, "beacon")) {
            return JsonPayload.string(entry, "beacon").flatMap(BeaconKey::parse)
                    .map(key -> new AdvertisementIds.Outcome(key, null, null))
                    .orElseGet(() -> new AdvertisementIds.Outcome(null, null, IngestDrop.BAD_ID));
        }
        if (JsonPayload.has(entry, "mfg")) {
            return advertisements.manufacturerData(JsonPayload.string(entry, "mfg").orElse(null));
        }
        if (JsonPayload.has(entry, "eddystone")) {
            return advertisements.eddystone(JsonPayload.string(entry, "eddystone").orElse(null));
        }
        return new AdvertisementIds.Outcome(null, null, null);
    }

    static Optional<DeviceId> deviceId(String text) {
        return text.isBlank() || text.strip().length() > 255 ? Optional.empty() : Optional.of(DeviceId.of(text));
    }
}
