package dev.beckon.gateway.decode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeaconKeyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "iBeacon:426C7565436861726D426561636F6E73:3838:4949, ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949",
            "IBEACON:426c7565-4368-6172-6d42-6561636f6e73:0007:01, ibeacon:426c7565-4368-6172-6d42-6561636f6e73:7:1",
            "  eddystone-uid:8B0CA750E7A74E14BD99:095477CB3E77 , eddystone-uid:8b0ca750e7a74e14bd99:095477cb3e77",
            "AltBeacon:2F234454CF6D4A0FADF2F4911BA9FFA600010002, altbeacon:2f234454cf6d4a0fadf2f4911ba9ffa600010002",
            "eddystone-eid:0123456789ABCDEF, eddystone-eid:0123456789abcdef",
            "eddystone-url:https://Example.com/A, eddystone-url:https://Example.com/A",
    })
    void spellingsFromPeopleAndScannersBecomeOneCanonicalKey(String text, String canonical) {
        assertThat(BeaconKey.parse(text)).map(BeaconKey::value).contains(canonical);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ibeacon", "ibeacon:426c7565:1:2", "ibeacon:426c7565-4368-6172-6d42-6561636f6e73:65536:1",
            "ibeacon:426c7565-4368-6172-6d42-6561636f6e73:-1:1", "eddystone-uid:8b0c:0954",
            "altbeacon:2f23", "apple:iphone12-3", "eddystone-url:", "eddystone-url:has space", "md:004c:25"})
    void textThatIsNotAKeyIsEmpty(String text) {
        assertThat(BeaconKey.parse(text)).isEmpty();
    }

    @Test
    void theConstructorTakesOnlyCanonicalSpellings() {
        assertThatThrownBy(() -> new BeaconKey("iBeacon:426c7565-4368-6172-6d42-6561636f6e73:1:2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BeaconKey("ibeacon:426c7565-4368-6172-6d42-6561636f6e73:01:2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFactoryAndTheParserAgree() {
        UUID uuid = UUID.fromString("fda50693-a4e2-4fb1-afcf-c6eb07647825");

        assertThat(BeaconKey.ibeacon(uuid, 9999, 9999))
                .isEqualTo(BeaconKey.parse("ibeacon:FDA50693A4E24FB1AFCFC6EB07647825:9999:9999").orElseThrow());
    }
}
