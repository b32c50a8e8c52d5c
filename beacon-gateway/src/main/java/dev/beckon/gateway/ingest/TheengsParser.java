package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.BeaconKey;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Theengs Gateway and OpenMQTTGateway reports, {@code home/<gateway>/BTtoMQTT/<mac or uuid>}: one advertiser
 * heard by the gateway, which the {@link ScannerDirectory} maps to a store's scanner. Required: {@code rssi}.
 * The device is {@code id} (the advertiser MAC), else the topic's last level. The beacon key comes from the
 * decoded iBeacon fields ({@code model_id} {@code IBEACON}: {@code uuid} without dashes, {@code major},
 * {@code minor}, {@code txpower} as calibration when negative), else from raw {@code manufacturerdata} hex, else
 * from {@code servicedata} when {@code servicedatauuid} is {@code 0xfeaa}; a report with none of them is a
 * non-beacon device. Truncated or malformed raw hex drops the report. No timestamp: stamped with the gateway's
 * clock.
 *
 * <p>Thread-safe; never throws on any input.
 */
public final class TheengsParser implements SightingParser {

    /** The topic filter of Theengs/OpenMQTTGateway BLE reports. */
    public static final String TOPIC_FILTER = "home/+/BTtoMQTT/+";

    private final ScannerDirectory directory;
    private final AdvertisementIds advertisements;
    private final Plausibility plausibility;

    /**
     * @param directory maps gateway names to scanners; never null
     * @param decoder   decodes raw advertisement hex; never null
     * @param clock     the gateway's clock, which stamps the sightings; never null
     * @param limits    never null
     */
    public TheengsParser(ScannerDirectory directory, AdvertisementDecoder decoder, Clock clock, IngestLimits limits) {
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
        return levels.length == 4 && levels[0].equals("home") && levels[2].equals("BTtoMQTT");
    }

    @Override
    public ParseResult parse(String topic, byte[] payload) {
        if (topic == null || !handles(topic)) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
        }
        String[] levels = topic.split("/", -1);
        if (levels[1].isBlank() || levels[3].isBlank()) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
        }
        Optional<ScannerRef> scanner = directory.byExternalName(ScannerSource.THEENGS, levels[1]);
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
            return new ParseResult.Dropped(report.has("rssi") ? IngestDrop.ABSURD_RSSI
                    : IngestDrop.MISSING_FIELD);
        }
        IngestDrop implausible = plausibility.rssi(rssi.getAsDouble());
        if (implausible != null) {
            return new ParseResult.Dropped(implausible);
        }
        AdvertisementIds.Outcome beacon = beacon(report);
        if (beacon.failure() != null) {
            return new ParseResult.Dropped(beacon.failure());
        }
        String id = report.string("id").orElse(levels[3]);
        if (levels[3].equals("undecoded") && report.string("id").isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.MISSING_FIELD);
        }
        Optional<DeviceId> device = BeckonTopicParser.deviceId(id);
        if (device.isEmpty()) {
            return new ParseResult.Dropped(IngestDrop.BAD_ID);
        }
        return ParseResult.Parsed.of(new Sighting(scanner.get(), device.get(), beacon.key(), beacon.rssiAt1m(),
                rssi.getAsDouble(), plausibility.now()));
    }

    private AdvertisementIds.Outcome beacon(ReportFields report) {
        if ("IBEACON".equalsIgnoreCase(report.string("model_id").orElse(""))) {
            Optional<String> uuid = report.string("uuid");
            OptionalDouble major = report.number("major");
            OptionalDouble minor = report.number("minor");
            if (uuid.isEmpty() || major.isEmpty() || minor.isEmpty()) {
                return new AdvertisementIds.Outcome(null, null, IngestDrop.MISSING_FIELD);
            }
            Optional<BeaconKey> key = BeaconKey.parse("ibeacon:" + uuid.get() + ':' + integral(major.getAsDouble())
                    + ':' + integral(minor.getAsDouble()));
            if (key.isEmpty()) {
                return new AdvertisementIds.Outcome(null, null, IngestDrop.BAD_ID);
            }
            OptionalDouble txpower = report.number("txpower");
            Integer rssiAt1m = txpower.isPresent() && txpower.getAsDouble() < 0
                    && txpower.getAsDouble() >= Plausibility.WEAKEST_DBM ? (int) Math.round(txpower.getAsDouble())
                    : null;
            return new AdvertisementIds.Outcome(key.get(), rssiAt1m, null);
        }
        Optional<String> manufacturerData = report.string("manufacturerdata");
        if (manufacturerData.isPresent()) {
            return advertisements.manufacturerData(manufacturerData.get());
        }
        Optional<String> serviceData = report.string("servicedata");
        String serviceUuid = report.string("servicedatauuid").orElse("").toLowerCase(Locale.ROOT);
        if (serviceData.isPresent() && (serviceUuid.equals("0xfeaa") || serviceUuid.equals("feaa"))) {
            return advertisements.eddystone(serviceData.get());
        }
        return new AdvertisementIds.Outcome(null, null, null);
    }

    /** A whole number as text, or something that fails key parsing ("x") when it is not one. */
    private static String integral(double value) {
        return value == Math.rint(value) && value >= 0 && value <= 0xFFFF ? Long.toString((long) value) : "x";
    }
}
