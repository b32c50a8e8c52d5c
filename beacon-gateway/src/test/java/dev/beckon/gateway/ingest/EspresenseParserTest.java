package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.BeaconKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.beckon.gateway.ingest.ParserFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class EspresenseParserTest {

    private final EspresenseParser parser = new EspresenseParser(StoreFixture.snapshot(), ParserFixtures.clock(),
            IngestLimits.defaults());

    /** Payloads of three firmware generations (beacons-mqtt.md section 1.1) and how they must read. */
    static Stream<Arguments> realPayloads() {
        return Stream.of(
                Arguments.of("current firmware, iBeacon id",
                        "espresense/devices/iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7/shoes",
                        "{\"mac\":\"4f1a2b3c4d5e\",\"id\":\"iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7\","
                                + "\"rssi@1m\":-59,\"rssi\":-67.42,\"rxAdj\":0,\"rssiVar\":3.1,\"distance\":1.98,"
                                + "\"var\":0.21,\"int\":302,\"close\":false}",
                        "iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7",
                        "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:7", -67.42, -59),
                Arguments.of("v2.x (2021), apple id, legacy raw and speed",
                        "espresense/devices/apple:iphone12-3/shoes",
                        "{\"id\":\"apple:iphone12-3\",\"name\":\"iPhone\",\"disc\":\"341a3cf77222\",\"rssi@1m\":-65,"
                                + "\"rssi\":-65,\"mac\":\"512ac8f9178d\",\"raw\":1,\"distance\":1.53,\"speed\":0}",
                        "apple:iphone12-3", null, -65.0, -65),
                Arguments.of("up to March 2025: idType, integer rssi, no rssi@1m",
                        "espresense/devices/eddy:0102030405060708090a-0b0c0d0e0f10/entrance",
                        "{\"id\":\"eddy:0102030405060708090a-0b0c0d0e0f10\",\"idType\":40,\"rssi\":-71,"
                                + "\"raw\":2.31,\"distance\":2.05,\"var\":0.1}",
                        "eddy:0102030405060708090a-0b0c0d0e0f10",
                        "eddystone-uid:0102030405060708090a:0b0c0d0e0f10", -71.0, null),
                Arguments.of("no id in the payload: the topic's id",
                        "espresense/devices/irk:00112233445566778899aabbccddeeff/checkout",
                        "{\"rssi\":-80}", "irk:00112233445566778899aabbccddeeff", null, -80.0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realPayloads")
    void readsRealPayloadsLeniently(String name, String topic, String payload, String device, String beacon,
                                    double rssi, Integer rssiAt1m) {
        ParseResult result = parser.parse(topic, utf8(payload));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.skipped()).isEmpty();
            assertThat(parsed.sightings()).singleElement().satisfies(sighting -> {
                assertThat(sighting.device()).isEqualTo(DeviceId.of(device));
                assertThat(sighting.beacon()).isEqualTo(beacon == null ? null : BeaconKey.parse(beacon).orElseThrow());
                assertThat(sighting.rssiDbm()).isEqualTo(rssi);
                assertThat(sighting.advertisedRssiAt1m()).isEqualTo(rssiAt1m);
                assertThat(sighting.observedAt()).isEqualTo(ParserFixtures.NOW);
            });
        });
    }

    @Test
    void theRoomNamesTheStoresScanner() {
        ParseResult result = parser.parse("espresense/devices/known:aabbccddeeff/checkout", utf8("{\"rssi\":-70}"));

        assertThat(((ParseResult.Parsed) result).sightings().get(0).scanner()).isEqualTo(StoreFixture.ESP_CHECKOUT);
    }

    static Stream<Arguments> badInput() {
        String topic = "espresense/devices/apple:iphone12-3/shoes";
        return Stream.of(
                Arguments.of("malformed JSON", topic, "{\"id\":\"apple:iphone12-3\",\"rssi\":-6", IngestDrop.MALFORMED_JSON),
                Arguments.of("not an object", topic, "[-65]", IngestDrop.MALFORMED_JSON),
                Arguments.of("empty payload", topic, "", IngestDrop.MALFORMED_JSON),
                Arguments.of("binary garbage", topic, "\u0000\u00ff\u00fe", IngestDrop.MALFORMED_JSON),
                Arguments.of("no rssi", topic, "{\"id\":\"apple:iphone12-3\",\"distance\":1.5}", IngestDrop.MISSING_FIELD),
                Arguments.of("rssi as text", topic, "{\"rssi\":\"loud\"}", IngestDrop.ABSURD_RSSI),
                Arguments.of("rssi 0", topic, "{\"rssi\":0}", IngestDrop.ABSURD_RSSI),
                Arguments.of("rssi positive", topic, "{\"rssi\":12}", IngestDrop.ABSURD_RSSI),
                Arguments.of("rssi -500", topic, "{\"rssi\":-500}", IngestDrop.ABSURD_RSSI),
                Arguments.of("rssi 1e400", topic, "{\"rssi\":-1e400}", IngestDrop.ABSURD_RSSI),
                Arguments.of("unknown room", "espresense/devices/apple:iphone12-3/basement", "{\"rssi\":-65}",
                        IngestDrop.UNKNOWN_SCANNER),
                Arguments.of("query report topic", topic + "/report-1", "{\"name\":\"iPhone\"}", IngestDrop.UNKNOWN_TOPIC),
                Arguments.of("room telemetry", "espresense/rooms/shoes/telemetry", "{\"ip\":\"10.0.0.5\"}",
                        IngestDrop.UNKNOWN_TOPIC),
                Arguments.of("blank id level", "espresense/devices//shoes", "{\"rssi\":-65}", IngestDrop.UNKNOWN_TOPIC),
                Arguments.of("whitespace id level", "espresense/devices/ \t/shoes", "{\"rssi\":-65}",
                        IngestDrop.UNKNOWN_TOPIC),
                Arguments.of("blank room level", "espresense/devices/apple:iphone12-3/ ", "{\"rssi\":-65}",
                        IngestDrop.UNKNOWN_TOPIC),
                Arguments.of("no room level", "espresense/devices/apple:iphone12-3", "{\"rssi\":-65}",
                        IngestDrop.UNKNOWN_TOPIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void dropsBadInputWithItsReason(String name, String topic, String payload, IngestDrop reason) {
        assertThat(parser.parse(topic, utf8(payload))).isEqualTo(new ParseResult.Dropped(reason));
    }

    @Test
    void oversizedPayloadsAreNotRead() {
        EspresenseParser small = new EspresenseParser(StoreFixture.snapshot(), ParserFixtures.clock(),
                new IngestLimits(64, 10, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(60)));

        assertThat(small.parse("espresense/devices/x/shoes", utf8("{\"rssi\":-65,\"pad\":\"" + "x".repeat(100) + "\"}")))
                .isEqualTo(new ParseResult.Dropped(IngestDrop.PAYLOAD_TOO_LARGE));
    }

    @Test
    void nullPayloadIsDroppedNotThrown() {
        assertThat(parser.parse("espresense/devices/x/shoes", null))
                .isEqualTo(new ParseResult.Dropped(IngestDrop.MALFORMED_JSON));
    }
}
