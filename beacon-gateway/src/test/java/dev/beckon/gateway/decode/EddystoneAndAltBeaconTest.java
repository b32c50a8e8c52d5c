package dev.beckon.gateway.decode;

import dev.beckon.gateway.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EddystoneAndAltBeaconTest {

    final Drops<DecodeFailure> drops = new Drops<>(DecodeFailure.class);
    final AdvertisementDecoder decoder = new AdvertisementDecoder(drops);

    @Test
    void anEddystoneUidGivesNamespaceInstanceAndPowerAt0m() {
        EddystoneUid uid = (EddystoneUid) eddystone("00e7" + "8B0CA750E7A74E14BD99" + "095477cb3e77" + "0000");

        assertThat(uid).isEqualTo(new EddystoneUid("8b0ca750e7a74e14bd99", "095477cb3e77", -25));
        assertThat(uid.key()).map(BeaconKey::value).contains("eddystone-uid:8b0ca750e7a74e14bd99:095477cb3e77");
    }

    @Test
    void eddystonePowerIsAt0mSoTheCalibrationAt1mIs41DbLower() {
        EddystoneUid uid = (EddystoneUid) eddystone("00ee" + "8b0ca750e7a74e14bd99" + "095477cb3e77" + "0000");

        assertThat(uid.txPowerAt0m()).isEqualTo(-18);
        assertThat(uid.rssiAt1m()).hasValue(-59);
    }

    @Test
    void anEddystonePowerOutsideTheSpecRangeGivesNoCalibration() {
        EddystoneUid uid = (EddystoneUid) eddystone("007f" + "8b0ca750e7a74e14bd99" + "095477cb3e77");

        assertThat(uid.txPowerAt0m()).isEqualTo(127);
        assertThat(uid.rssiAt1m()).isEmpty();
    }

    @Test
    void anEddystoneUidWithoutTheReservedBytesIsTolerated() {
        assertThat(eddystone("00e7" + "8b0ca750e7a74e14bd99" + "095477cb3e77"))
                .isEqualTo(new EddystoneUid("8b0ca750e7a74e14bd99", "095477cb3e77", -25));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "03|goo.gl/S6zT6P, https://goo.gl/S6zT6P",
            "00|example|07, http://www.example.com",
            "01|beckon|00|shoes, https://www.beckon.com/shoes",
            "02|shop|0a|/|06|x, http://shop.net/.gov/x",
            "03|a|0d, https://a.gov",
    })
    void anEddystoneUrlExpandsItsSchemeAndCodes(String encoded, String url) {
        EddystoneUrl frame = (EddystoneUrl) eddystone("10eb" + urlBytes(encoded));

        assertThat(frame.url()).isEqualTo(url);
        assertThat(frame.txPowerAt0m()).isEqualTo(-21);
        assertThat(frame.key()).map(BeaconKey::value).contains("eddystone-url:" + url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "04|example, reserved scheme",
            "ff|example, reserved scheme",
            "03|exa|20|mple, space",
            "03|exa|0e|mple, reserved code",
            "03|exa|7f|mple, DEL",
            "03|exa|80|mple, high byte",
    })
    void anEddystoneUrlWithAReservedSchemeOrByteIsABadUrl(String encoded, String why) {
        assertThat(reasonForEddystone("10eb" + urlBytes(encoded))).isEqualTo(DecodeFailure.BAD_URL);
    }

    @Test
    void anEddystoneUrlNeedsOneToSeventeenEncodedBytes() {
        assertThat(reasonForEddystone("10eb03")).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(reasonForEddystone("10eb03" + "61".repeat(18))).isEqualTo(DecodeFailure.OVERLONG);
        assertThat(eddystone("10eb03" + "61".repeat(17))).isInstanceOf(EddystoneUrl.class);
    }

    @Test
    void anEddystoneEidGivesTheEphemeralId() {
        EddystoneEid eid = (EddystoneEid) eddystone("30f0" + "0123456789ABCDEF");

        assertThat(eid).isEqualTo(new EddystoneEid("0123456789abcdef", -16));
        assertThat(eid.key()).map(BeaconKey::value).contains("eddystone-eid:0123456789abcdef");
        assertThat(eid.rssiAt1m()).hasValue(-57);
    }

    @Test
    void aTlmWithoutBatteryOrTemperatureSaysUnknown() {
        EddystoneTlm tlm = (EddystoneTlm) eddystone("2000" + "0000" + "8000" + "ffffffff" + "00000001");

        assertThat(tlm.batteryMillivolts()).isNull();
        assertThat(tlm.temperatureCelsius()).isNull();
        assertThat(tlm.advertCount()).isEqualTo(4_294_967_295L);
        assertThat(tlm.sinceBoot()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aTlmTemperatureIsSignedFixedPoint() {
        EddystoneTlm tlm = (EddystoneTlm) eddystone("2000" + "0bb8" + "ff80" + "00000000" + "00000000");

        assertThat(tlm.batteryMillivolts()).isEqualTo(3000);
        assertThat(tlm.temperatureCelsius()).isEqualTo(-0.5);
    }

    @Test
    void encryptedTlmUnknownFramesAndOtherServicesAreUndecodable() {
        assertThat(reasonForEddystone("2001" + "00".repeat(16))).isEqualTo(DecodeFailure.UNSUPPORTED_VERSION);
        assertThat(reasonForEddystone("20")).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(reasonForEddystone("2000" + "0bb8")).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(reasonForEddystone("40" + "00".repeat(10))).isEqualTo(DecodeFailure.UNKNOWN_FRAME_TYPE);
        assertThat(reasonForEddystone("30f0" + "0123456789abcd")).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(reasonForEddystone("00e7" + "8b0ca750e7a74e14bd99" + "0954")).isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(decoder.decodeServiceData(0xFE9A, "00e7"))
                .isEqualTo(new DecodeResult.Undecodable(DecodeFailure.NOT_EDDYSTONE));
    }

    @Test
    void anAltBeaconGivesItsIdsReferenceRssiAndReservedByte() {
        DecodeResult result = decoder.decodeManufacturerData(
                "1801" + "beac" + "2f234454cf6d4a0fadf2f4911ba9ffa6" + "0001" + "0002" + "c5" + "2a");

        AltBeacon frame = (AltBeacon) ((DecodeResult.Decoded) result).frame();
        assertThat(frame).isEqualTo(new AltBeacon(0x0118, UUID.fromString("2f234454-cf6d-4a0f-adf2-f4911ba9ffa6"),
                1, 2, -59, 42));
        assertThat(frame.key()).map(BeaconKey::value)
                .contains("altbeacon:2f234454cf6d4a0fadf2f4911ba9ffa600010002");
        assertThat(frame.rssiAt1m()).hasValue(-59);
    }

    @Test
    void anAltBeaconReferenceRssiOfZeroOrAboveIsUnknown() {
        AltBeacon frame = (AltBeacon) ((DecodeResult.Decoded) decoder.decodeManufacturerData(
                "1801beac2f234454cf6d4a0fadf2f4911ba9ffa600010002" + "05" + "00")).frame();

        assertThat(frame.referenceRssi()).isNull();
        assertThat(frame.rssiAt1m()).isEmpty();
    }

    @Test
    void anAltBeaconOfTheWrongLengthIsUndecodable() {
        String valid = "1801beac2f234454cf6d4a0fadf2f4911ba9ffa600010002c500";

        assertThat(((DecodeResult.Undecodable) decoder.decodeManufacturerData(valid.substring(0, 50))).reason())
                .isEqualTo(DecodeFailure.TRUNCATED);
        assertThat(((DecodeResult.Undecodable) decoder.decodeManufacturerData(valid + "00")).reason())
                .isEqualTo(DecodeFailure.OVERLONG);
    }

    private BeaconFrame eddystone(String hex) {
        DecodeResult result = decoder.decodeServiceData(AdvertisementDecoder.EDDYSTONE_SERVICE_UUID, hex);
        assertThat(result).as(hex).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) result).frame();
    }

    private DecodeFailure reasonForEddystone(String hex) {
        DecodeResult result = decoder.decodeServiceData(AdvertisementDecoder.EDDYSTONE_SERVICE_UUID, hex);
        assertThat(result).as(hex).isInstanceOf(DecodeResult.Undecodable.class);
        return ((DecodeResult.Undecodable) result).reason();
    }

    /** "03|goo.gl|00": two-digit parts are raw bytes in hex, other parts ASCII text. */
    private static String urlBytes(String encoded) {
        StringBuilder hex = new StringBuilder();
        for (String part : encoded.split("\\|")) {
            boolean rawByte = part.length() == 2 && part.matches("[0-9a-f]{2}");
            hex.append(rawByte ? part : HexFormat.of().formatHex(part.getBytes(StandardCharsets.US_ASCII)));
        }
        return hex.toString();
    }
}
