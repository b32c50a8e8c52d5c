package dev.beckon.gateway.decode;

import dev.beckon.gateway.Drops;
import dev.beckon.gateway.FixtureJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Truncated, flipped, garbled and random payloads are undecodable with a reason and counted; none throws. */
class MalformedAdvertisementTest {

    final Drops<DecodeFailure> drops = new Drops<>(DecodeFailure.class);
    final AdvertisementDecoder decoder = new AdvertisementDecoder(drops);

    @SuppressWarnings("unchecked")
    static Stream<String> recordedFrames() {
        List<Map<String, Object>> frames =
                (List<Map<String, Object>>) FixtureJson.read("/fixtures/beacon-frames.json").get("ibeacon");
        return frames.stream().map(frame -> (String) frame.get("hex"));
    }

    @ParameterizedTest
    @MethodSource("recordedFrames")
    void everyTruncationAtAByteBoundaryIsTruncated(String hex) {
        for (int bytes = 1; bytes < hex.length() / 2; bytes++) {
            assertThat(reasonFor(hex.substring(0, 2 * bytes))).as("first %d bytes", bytes)
                    .isEqualTo(DecodeFailure.TRUNCATED);
        }
    }

    @ParameterizedTest
    @MethodSource("recordedFrames")
    void everyCutInsideAByteIsOddLength(String hex) {
        for (int digits = 1; digits < hex.length(); digits += 2) {
            assertThat(reasonFor(hex.substring(0, digits))).isEqualTo(DecodeFailure.ODD_LENGTH);
        }
    }

    @ParameterizedTest
    @MethodSource("recordedFrames")
    void everySingleBitFlipInTheHeaderMakesItUndecodable(String hex) {
        byte[] frame = HexFormat.of().parseHex(hex);
        for (int bit = 0; bit < 32; bit++) {
            byte[] flipped = frame.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThat(decoder.decodeManufacturerData(HexFormat.of().formatHex(flipped)))
                    .as("header bit %d flipped", bit).isInstanceOf(DecodeResult.Undecodable.class);
        }
    }

    @ParameterizedTest
    @MethodSource("recordedFrames")
    void anIBeaconInsideALongerPayloadIsOverlong(String hex) {
        assertThat(reasonFor(hex + "00")).isEqualTo(DecodeFailure.OVERLONG);
    }

    @ParameterizedTest
    @MethodSource("recordedFrames")
    void aNonHexCharacterAnywhereIsNotHex(String hex) {
        for (int i = 0; i < hex.length(); i++) {
            String garbled = hex.substring(0, i) + 'g' + hex.substring(i + 1);
            assertThat(reasonFor(garbled)).isEqualTo(DecodeFailure.NOT_HEX);
        }
    }

    @Test
    void unicodeDigitsAreNotHex() {
        // Arabic-Indic digit three: Character.digit accepts it, the wire format does not.
        assertThat(reasonFor("4c0002\u06635")).isEqualTo(DecodeFailure.NOT_HEX);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noDataIsNoData(String hex) {
        assertThat(reasonFor(hex)).isEqualTo(DecodeFailure.NO_DATA);
        assertThat(decoder.decodeServiceData(0xFEAA, hex))
                .isEqualTo(new DecodeResult.Undecodable(DecodeFailure.NO_DATA));
    }

    @Test
    void aHugePayloadIsRefusedUnread() {
        assertThat(reasonFor("4c000215" + "00".repeat(300))).isEqualTo(DecodeFailure.TOO_LONG);
    }

    @Test
    void theSameBytesUnderAnotherCompanyAreUnknown() {
        // ibeacon-ble's negative case: company id 21 with an otherwise valid iBeacon body
        assertThat(reasonFor("1500" + "0215426c7565436861726d426561636f6e730efe1355c5"))
                .isEqualTo(DecodeFailure.UNKNOWN_COMPANY);
    }

    @Test
    void appleDataOfAnotherTypeIsNotABeacon() {
        // ibeacon-ble: type 0x10 (Nearby Info); Theengs: an Apple Continuity frame
        assertThat(reasonFor("4c001015426c7565436861726d426561636f6e730efe1355c5"))
                .isEqualTo(DecodeFailure.NOT_A_BEACON);
        assertThat(reasonFor("4c0010060319247bbc68")).isEqualTo(DecodeFailure.NOT_A_BEACON);
    }

    @Test
    void anIBeaconWithoutMajorMinorAndPowerIsTruncated() {
        // ibeacon-ble: b"\x02\x15BlueCharmBeacons"
        assertThat(reasonFor("4c000215426c7565436861726d426561636f6e73")).isEqualTo(DecodeFailure.TRUNCATED);
    }

    @Test
    void everyUndecodablePayloadIsCountedByReason() {
        reasonFor("4c0");
        reasonFor("zz");
        reasonFor("zz");
        reasonFor("4c000215");
        decoder.decodeServiceData(0x180F, "20");

        assertThat(drops.countOf(DecodeFailure.ODD_LENGTH)).isEqualTo(1);
        assertThat(drops.countOf(DecodeFailure.NOT_HEX)).isEqualTo(2);
        assertThat(drops.countOf(DecodeFailure.TRUNCATED)).isEqualTo(1);
        assertThat(drops.countOf(DecodeFailure.NOT_EDDYSTONE)).isEqualTo(1);
        assertThat(drops.total()).isEqualTo(5);
    }

    @Test
    void randomPayloadsNeverThrow() {
        Random random = new Random(20260905L);
        String[] prefixes = {"", "4c000215", "4c0002", "1801beac", "ffffbeac", "00", "10", "20", "2000", "30", "40"};
        String alphabet = "0123456789abcdefABCDEF0123456789xyz -\u0663";
        assertThatCode(() -> {
            for (int i = 0; i < 50_000; i++) {
                StringBuilder hex = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
                int length = random.nextInt(random.nextBoolean() ? 60 : 600);
                boolean clean = random.nextInt(4) > 0;
                for (int c = 0; c < length; c++) {
                    hex.append(clean ? "0123456789abcdef".charAt(random.nextInt(16))
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(decoder.decodeManufacturerData(hex.toString())).isNotNull();
                assertThat(decoder.decodeServiceData(0xFEAA, hex.toString())).isNotNull();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void randomBytesBehindEveryKnownHeaderNeverThrow() {
        Random random = new Random(7L);
        String[] headers = {"4c000215", "1801beac", "00", "10", "2000", "30"};
        for (String header : headers) {
            for (int length = 0; length <= 32; length++) {
                for (int run = 0; run < 200; run++) {
                    byte[] body = new byte[length];
                    random.nextBytes(body);
                    String hex = header + HexFormat.of().formatHex(body);
                    assertThatCode(() -> {
                        decoder.decodeManufacturerData(hex);
                        decoder.decodeServiceData(0xFEAA, hex);
                    }).as(hex).doesNotThrowAnyException();
                }
            }
        }
    }

    private DecodeFailure reasonFor(String hex) {
        DecodeResult result = decoder.decodeManufacturerData(hex);
        assertThat(result).isInstanceOf(DecodeResult.Undecodable.class);
        return ((DecodeResult.Undecodable) result).reason();
    }
}
