package dev.beckon.gateway.decode;

import dev.beckon.gateway.Drops;
import dev.beckon.gateway.FixtureJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real frames recorded in {@code fixtures/beacon-frames.json} decode to what the fixture says. */
class IBeaconFixturesTest {

    static final Map<String, Object> FIXTURES = FixtureJson.read("/fixtures/beacon-frames.json");

    final Drops<DecodeFailure> drops = new Drops<>(DecodeFailure.class);
    final AdvertisementDecoder decoder = new AdvertisementDecoder(drops);

    @SuppressWarnings("unchecked")
    static Stream<Arguments> ibeacons() {
        return ((List<Map<String, Object>>) FIXTURES.get("ibeacon")).stream()
                .map(frame -> Arguments.of(frame.get("note"), frame));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ibeacons")
    void everyRecordedIBeaconDecodesToItsUuidMajorMinorAndPower(String note, Map<String, Object> expected) {
        DecodeResult result = decoder.decodeManufacturerData((String) expected.get("hex"));

        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        IBeacon frame = (IBeacon) ((DecodeResult.Decoded) result).frame();
        assertThat(frame.uuid()).isEqualTo(UUID.fromString((String) expected.get("uuid")));
        assertThat(frame.major()).isEqualTo(((BigDecimal) expected.get("major")).intValueExact());
        assertThat(frame.minor()).isEqualTo(((BigDecimal) expected.get("minor")).intValueExact());
        BigDecimal power = (BigDecimal) expected.get("measuredPower");
        assertThat(frame.measuredPower()).isEqualTo(power == null ? null : power.intValueExact());
        assertThat(frame.key()).contains(BeaconKey.ibeacon(frame.uuid(), frame.major(), frame.minor()));
        assertThat(drops.total()).isZero();
    }

    @Test
    void theBlueCharmBeaconHasItsCanonicalKeyAndCalibration() {
        BeaconFrame frame = decodedFrame("4c000215426c7565436861726d426561636f6e730efe1355c5");

        assertThat(frame.key()).map(BeaconKey::value)
                .contains("ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949");
        assertThat(frame.rssiAt1m()).hasValue(-59);
    }

    @Test
    void aPositivePowerByteIsUnknownSoTheFrameGivesNoCalibration() {
        BeaconFrame battery = decodedFrame("4c000215fda50693a4e24fb1afcfc6eb07647825000100021a");

        assertThat(battery.rssiAt1m()).isEmpty();
    }

    @Test
    void theBatteryMonitorShapedLikeAnIBeaconDecodesWithUnknownPower() {
        IBeacon bm2 = (IBeacon) decodedFrame("4c000215655f83caae16a10a702e31f30d58dd82f644000064");

        assertThat(bm2.uuid()).isEqualTo(UUID.fromString("655f83ca-ae16-a10a-702e-31f30d58dd82"));
        assertThat(bm2.major()).isEqualTo(63044);
        assertThat(bm2.minor()).isZero();
        assertThat(bm2.measuredPower()).isNull();
    }

    @Test
    void aZeroPowerByteIsUnknown() {
        IBeacon frame = (IBeacon) decodedFrame("4c000215426c7565436861726d426561636f6e730efe135500");

        assertThat(frame.measuredPower()).isNull();
    }

    @Test
    void upperCaseHexDecodesTheSame() {
        String hex = "4c000215426c7565436861726d426561636f6e730efe1355c5";

        assertThat(decodedFrame(hex.toUpperCase())).isEqualTo(decodedFrame(hex));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRecordedEddystoneTlmDecodesBatteryTemperatureAndCounters() {
        Map<String, Object> tlm = (Map<String, Object>) FIXTURES.get("eddystone_tlm_service_data");

        DecodeResult result = decoder.decodeServiceData(0xFEAA, (String) tlm.get("hex"));

        EddystoneTlm frame = (EddystoneTlm) ((DecodeResult.Decoded) result).frame();
        assertThat(frame.version()).isEqualTo(((BigDecimal) tlm.get("version")).intValueExact());
        assertThat(frame.batteryMillivolts()).isEqualTo(((BigDecimal) tlm.get("batteryMillivolts")).intValueExact());
        assertThat(frame.temperatureCelsius()).isEqualTo(((BigDecimal) tlm.get("temperatureC")).doubleValue());
        assertThat(frame.advertCount()).isEqualTo(((BigDecimal) tlm.get("advertCount")).longValueExact());
        assertThat(frame.sinceBoot()).isEqualTo(Duration.ofMillis(
                ((BigDecimal) tlm.get("secondsSinceBoot")).movePointRight(3).longValueExact()));
        assertThat(frame.key()).isEmpty();
        assertThat(frame.rssiAt1m()).isEmpty();
    }

    private BeaconFrame decodedFrame(String hex) {
        DecodeResult result = decoder.decodeManufacturerData(hex);
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) result).frame();
    }
}
