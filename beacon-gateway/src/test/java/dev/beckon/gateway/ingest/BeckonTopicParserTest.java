package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.gateway.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.beckon.gateway.ingest.ParserFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class BeckonTopicParserTest {

    private static final String APP_TOPIC = "beckon/shop-1/stores/berlin-mitte/scanners/app/sightings";
    private static final String DOOR_TOPIC = "beckon/shop-1/stores/berlin-mitte/scanners/door/sightings";
    private static final String EDDYSTONE_UID_HEX = "00e20102030405060708090a0b0c0d0e0f100000";

    private final BeckonTopicParser parser = new BeckonTopicParser(StoreFixture.snapshot(), ParserFixtures.decoder(),
            ParserFixtures.clock(), IngestLimits.defaults());

    @Test
    void readsAStoreAppBatchInEveryIdentityForm() {
        String batch = """
                {"v": 1, "installId": "install-7f3c",
                 "sightings": [
                   {"ts": "2026-11-23T09:59:58.250Z", "rssi": -67, "mfg": "%s"},
                   {"ts": 1795427999000, "rssi": -71, "eddystone": "%s"},
                   {"ts": "2026-11-23T11:00:00+01:00", "rssi": -80,
                    "beacon": "iBeacon:2F234454CF6D4A0FADF2F4911BA9FFA6:1:2"}
                 ]}""".formatted(ParserFixtures.BLUECHARM_HEX, EDDYSTONE_UID_HEX);

        ParseResult result = parser.parse(APP_TOPIC, utf8(batch));

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        List<Sighting> sightings = ((ParseResult.Parsed) result).sightings();
        assertThat(sightings).extracting(Sighting::device).containsOnly(DeviceId.of("install-7f3c"));
        assertThat(sightings).extracting(Sighting::scanner).containsOnly(StoreFixture.APP);
        assertThat(sightings).extracting(sighting -> sighting.beacon().value()).containsExactly(
                ParserFixtures.BLUECHARM_KEY, "eddystone-uid:0102030405060708090a:0b0c0d0e0f10",
                "ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2");
        assertThat(sightings).extracting(Sighting::rssiDbm).containsExactly(-67.0, -71.0, -80.0);
        assertThat(sightings).extracting(Sighting::advertisedRssiAt1m).containsExactly(-59, -71, null);
        assertThat(sightings).extracting(Sighting::observedAt).containsExactly(
                Instant.parse("2026-11-23T09:59:58.250Z"), Instant.ofEpochMilli(1795427999000L),
                Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void aFixedScannerNamesTheObservedDeviceOrDefaultsToTheBeaconHeard() {
        String batch = """
                {"sightings": [
                   {"ts": "2026-11-23T10:00:00Z", "rssi": -70, "mfg": "%s", "device": "c4:7c:8d:6a:2e:11"},
                   {"ts": "2026-11-23T10:00:00Z", "rssi": -72, "mfg": "%s"},
                   {"ts": "2026-11-23T10:00:00Z", "rssi": -90, "device": "5a:11:22:33:44:55"}
                 ]}""".formatted(ParserFixtures.BLUECHARM_HEX, ParserFixtures.BLUECHARM_HEX);

        List<Sighting> sightings = ((ParseResult.Parsed) parser.parse(DOOR_TOPIC, utf8(batch))).sightings();

        assertThat(sightings).extracting(Sighting::device).containsExactly(DeviceId.of("c4:7c:8d:6a:2e:11"),
                DeviceId.of(ParserFixtures.BLUECHARM_KEY), DeviceId.of("5a:11:22:33:44:55"));
        assertThat(sightings.get(2).beacon()).isNull();
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                Arguments.of("truncated hex", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-70,\"mfg\":\"4c000215426c75\"}",
                        IngestDrop.TRUNCATED_HEX),
                Arguments.of("odd hex", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-70,\"mfg\":\"4c0002154\"}",
                        IngestDrop.TRUNCATED_HEX),
                Arguments.of("not hex", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-70,\"eddystone\":\"00zz\"}",
                        IngestDrop.BAD_HEX),
                Arguments.of("Eddystone TLM has no identity",
                        "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-70,\"eddystone\":\"20000bfe1c000000070800003e7c\"}",
                        IngestDrop.NOT_A_BEACON),
                Arguments.of("bad beacon key", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-70,\"beacon\":\"ibeacon:nope\"}",
                        IngestDrop.BAD_ID),
                Arguments.of("absurd rssi", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":42,\"beacon\":\"" 
                        + ParserFixtures.BLUECHARM_KEY + "\"}", IngestDrop.ABSURD_RSSI),
                Arguments.of("rssi not a number", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":null,\"beacon\":\""
                        + ParserFixtures.BLUECHARM_KEY + "\"}", IngestDrop.ABSURD_RSSI),
                Arguments.of("timestamp from the future", "{\"ts\":\"2026-11-23T10:05:00Z\",\"rssi\":-70,\"beacon\":\""
                        + ParserFixtures.BLUECHARM_KEY + "\"}", IngestDrop.FUTURE_TIMESTAMP),
                Arguments.of("stale timestamp", "{\"ts\":\"2026-11-22T10:00:00Z\",\"rssi\":-70,\"beacon\":\""
                        + ParserFixtures.BLUECHARM_KEY + "\"}", IngestDrop.STALE_TIMESTAMP),
                Arguments.of("unreadable timestamp", "{\"ts\":\"yesterday\",\"rssi\":-70,\"beacon\":\""
                        + ParserFixtures.BLUECHARM_KEY + "\"}", IngestDrop.BAD_TIMESTAMP),
                Arguments.of("no timestamp", "{\"rssi\":-70,\"beacon\":\"" + ParserFixtures.BLUECHARM_KEY + "\"}",
                        IngestDrop.MISSING_FIELD),
                Arguments.of("no identity at all", "{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-70}",
                        IngestDrop.MISSING_FIELD),
                Arguments.of("entry not an object", "\"hello\"", IngestDrop.MALFORMED_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void skipsBadEntriesWithTheirReasonAndKeepsTheRest(String name, String entry, IngestDrop reason) {
        String batch = "{\"sightings\":[" + entry + ",{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-60,\"beacon\":\""
                + ParserFixtures.BLUECHARM_KEY + "\"}]}";

        ParseResult result = parser.parse(DOOR_TOPIC, utf8(batch));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.skipped()).containsExactly(reason);
            assertThat(parsed.sightings()).singleElement().extracting(Sighting::rssiDbm).isEqualTo(-60.0);
        });
        assertThat(result.drops()).containsExactly(reason);
    }

    static Stream<Arguments> badMessages() {
        String ok = "{\"sightings\":[{\"ts\":\"2026-11-23T10:00:00Z\",\"rssi\":-60,\"beacon\":\""
                + ParserFixtures.BLUECHARM_KEY + "\"}]}";
        return Stream.of(
                Arguments.of("malformed JSON", APP_TOPIC, "{\"sightings\":[{\"ts\":", IngestDrop.MALFORMED_JSON),
                Arguments.of("JSON array", APP_TOPIC, "[1,2]", IngestDrop.MALFORMED_JSON),
                Arguments.of("no sightings", APP_TOPIC, "{\"installId\":\"i\"}", IngestDrop.MISSING_FIELD),
                Arguments.of("empty batch", APP_TOPIC, "{\"sightings\":[]}", IngestDrop.MISSING_FIELD),
                Arguments.of("version 2", APP_TOPIC, "{\"v\":2,\"sightings\":[]}", IngestDrop.UNSUPPORTED_VERSION),
                Arguments.of("blank install id", APP_TOPIC, "{\"installId\":\" \",\"sightings\":[{}]}", IngestDrop.BAD_ID),
                Arguments.of("unknown store", "beckon/shop-1/stores/paris/scanners/app/sightings", ok,
                        IngestDrop.UNKNOWN_SCANNER),
                Arguments.of("unknown shop", "beckon/shop-2/stores/berlin-mitte/scanners/app/sightings", ok,
                        IngestDrop.UNKNOWN_SCANNER),
                Arguments.of("unknown scanner", "beckon/shop-1/stores/berlin-mitte/scanners/ghost/sightings", ok,
                        IngestDrop.UNKNOWN_SCANNER),
                Arguments.of("malformed scanner id", "beckon/shop-1/stores/berlin-mitte/scanners/a b/sightings", ok,
                        IngestDrop.UNKNOWN_SCANNER),
                Arguments.of("other beckon topic", "beckon/shop-1/stores/berlin-mitte/scanners/app/status", ok,
                        IngestDrop.UNKNOWN_TOPIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void dropsBadMessagesWithTheirReason(String name, String topic, String payload, IngestDrop reason) {
        assertThat(parser.parse(topic, utf8(payload))).isEqualTo(new ParseResult.Dropped(reason));
    }

    @Test
    void aBatchLargerThanTheLimitIsDroppedWhole() {
        BeckonTopicParser small = new BeckonTopicParser(StoreFixture.snapshot(), ParserFixtures.decoder(),
                ParserFixtures.clock(), new IngestLimits(64 * 1024, 2, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(60)));

        assertThat(small.parse(APP_TOPIC, utf8("{\"sightings\":[{},{},{}]}")))
                .isEqualTo(new ParseResult.Dropped(IngestDrop.BATCH_TOO_LARGE));
    }

    @Test
    void theRouterSendsEachTopicToItsParserAndDropsTheRest() {
        TopicRouter router = new TopicRouter(List.of(parser,
                new EspresenseParser(StoreFixture.snapshot(), ParserFixtures.clock(), IngestLimits.defaults())));

        assertThat(router.topicFilters()).containsExactly(BeckonTopicParser.TOPIC_FILTER, EspresenseParser.TOPIC_FILTER);
        assertThat(router.parse("espresense/devices/x/shoes", utf8("{\"rssi\":-60}")))
                .isInstanceOf(ParseResult.Parsed.class);
        assertThat(router.parse("zigbee2mqtt/lamp", utf8("{}")))
                .isEqualTo(new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC));
        assertThat(router.parse(null, null)).isEqualTo(new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC));
    }
}
