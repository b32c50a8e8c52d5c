package dev.beckon.gateway.ingest;

import dev.beckon.api.model.DeviceId;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.BeaconKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.beckon.gateway.ingest.ParserFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class TheengsParserTest {

    private static final String TOPIC = "home/TheengsGateway/BTtoMQTT/C47C8D6A2E11";

    private final TheengsParser parser = new TheengsParser(StoreFixture.snapshot(), ParserFixtures.decoder(),
            ParserFixtures.clock(), IngestLimits.defaults());

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("OpenMQTTGateway decoded iBeacon",
                        "{\"id\":\"C4:7C:8D:6A:2E:11\",\"mac_type\":0,\"rssi\":-74,\"distance\":3.2,"
                                + "\"brand\":\"GENERIC\",\"model\":\"iBeacon\",\"model_id\":\"IBEACON\","
                                + "\"mfid\":\"4c00\",\"uuid\":\"2F234454CF6D4A0FADF2F4911BA9FFA6\",\"major\":1,"
                                + "\"minor\":2,\"txpower\":-59}",
                        "C4:7C:8D:6A:2E:11", "ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2", -74.0, -59),
                Arguments.of("Theengs iBeacon with volt instead of txpower",
                        "{\"id\":\"C4:7C:8D:6A:2E:11\",\"rssi\":-80,\"model_id\":\"IBEACON\","
                                + "\"uuid\":\"2f234454cf6d4a0fadf2f4911ba9ffa6\",\"major\":1,\"minor\":3,\"volt\":2.6}",
                        "C4:7C:8D:6A:2E:11", "ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:3", -80.0, null),
                Arguments.of("raw manufacturer data",
                        "{\"id\":\"54:94:5E:9F:64:C4\",\"mac_type\":1,\"manufacturerdata\":\""
                                + ParserFixtures.BLUECHARM_HEX + "\",\"rssi\":-74,\"txpower\":12}",
                        "54:94:5E:9F:64:C4", ParserFixtures.BLUECHARM_KEY, -74.0, -59),
                Arguments.of("a plain device without beacon data; id from the topic",
                        "{\"rssi\":-66,\"name\":\"Buds\"}", "C47C8D6A2E11", null, -66.0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void readsReports(String name, String payload, String device, String beacon, double rssi, Integer rssiAt1m) {
        ParseResult result = parser.parse(TOPIC, utf8(payload));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed ->
                assertThat(parsed.sightings()).singleElement().satisfies(sighting -> {
                    assertThat(sighting.scanner()).isEqualTo(StoreFixture.THEENGS_ENTRANCE);
                    assertThat(sighting.device()).isEqualTo(DeviceId.of(device));
                    assertThat(sighting.beacon()).isEqualTo(beacon == null ? null
                            : BeaconKey.parse(beacon).orElseThrow());
                    assertThat(sighting.rssiDbm()).isEqualTo(rssi);
                    assertThat(sighting.advertisedRssiAt1m()).isEqualTo(rssiAt1m);
                }));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("malformed JSON", TOPIC, "{\"id\":", IngestDrop.MALFORMED_JSON),
                Arguments.of("truncated manufacturer hex", TOPIC,
                        "{\"id\":\"x\",\"rssi\":-70,\"manufacturerdata\":\"4c000215426c7565436861726d42\"}",
                        IngestDrop.TRUNCATED_HEX),
                Arguments.of("odd-length hex", TOPIC,
                        "{\"id\":\"x\",\"rssi\":-70,\"manufacturerdata\":\"4c000215426c7\"}", IngestDrop.TRUNCATED_HEX),
                Arguments.of("not hex", TOPIC, "{\"id\":\"x\",\"rssi\":-70,\"manufacturerdata\":\"zz00\"}",
                        IngestDrop.BAD_HEX),
                Arguments.of("Apple Continuity, not a beacon", TOPIC,
                        "{\"id\":\"x\",\"rssi\":-70,\"manufacturerdata\":\"4c0010060319247bbc68\"}",
                        IngestDrop.NOT_A_BEACON),
                Arguments.of("iBeacon without minor", TOPIC,
                        "{\"id\":\"x\",\"rssi\":-70,\"model_id\":\"IBEACON\",\"uuid\":\"2f234454cf6d4a0fadf2f4911ba9ffa6\","
                                + "\"major\":1}", IngestDrop.MISSING_FIELD),
                Arguments.of("iBeacon with a major out of range", TOPIC,
                        "{\"id\":\"x\",\"rssi\":-70,\"model_id\":\"IBEACON\",\"uuid\":\"2f234454cf6d4a0fadf2f4911ba9ffa6\","
                                + "\"major\":70000,\"minor\":1}", IngestDrop.BAD_ID),
                Arguments.of("absurd rssi", TOPIC, "{\"id\":\"x\",\"rssi\":-300}", IngestDrop.ABSURD_RSSI),
                Arguments.of("no rssi", TOPIC, "{\"id\":\"x\"}", IngestDrop.MISSING_FIELD),
                Arguments.of("unknown gateway", "home/OtherGateway/BTtoMQTT/C47C8D6A2E11", "{\"rssi\":-70}",
                        IngestDrop.UNKNOWN_SCANNER),
                Arguments.of("gateway LWT", "home/TheengsGateway/LWT", "online", IngestDrop.UNKNOWN_TOPIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void dropsBadInputWithItsReason(String name, String topic, String payload, IngestDrop reason) {
        assertThat(parser.parse(topic, utf8(payload))).isEqualTo(new ParseResult.Dropped(reason));
    }
}
