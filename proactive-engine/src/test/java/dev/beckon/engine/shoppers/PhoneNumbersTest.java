package dev.beckon.engine.shoppers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void aNationalNumberIsReadInTheDefaultRegion() {
        PhoneNumbers.Parsed parsed = PhoneNumbers.parse("(415) 555-0100", "US").orElseThrow();

        assertThat(parsed.e164()).isEqualTo("+14155550100");
        assertThat(parsed.region()).isEqualTo("US");
    }

    @Test
    void aValidGermanNumberHasItsRegionAndZone() {
        PhoneNumbers.Parsed parsed = PhoneNumbers.parse("+49 30 901820", "US").orElseThrow();

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.region()).isEqualTo("DE");
        assertThat(parsed.timeZones()).containsExactly("Europe/Berlin");
    }

    @Test
    void theSameNumberReadInAnotherRegionIsReadAgain() {
        assertThat(PhoneNumbers.parse("030 901820", "DE").orElseThrow().e164()).isEqualTo("+4930901820");
        assertThat(PhoneNumbers.parse("030 901820", "US").map(PhoneNumbers.Parsed::valid)).contains(false);
    }

    @Test
    void aNumberWithItsCountryCodeIsReadOnceForEveryRegion() {
        PhoneNumbers.Parsed inUs = PhoneNumbers.parse("+4915112345678", "US").orElseThrow();

        assertThat(PhoneNumbers.parse("+4915112345678", "ZZ").orElseThrow()).isSameAs(inUs);
        assertThat(PhoneNumbers.parse("+4915112345678", "DE").orElseThrow()).isSameAs(inUs);
        assertThat(inUs.region()).isEqualTo("DE");
    }

    @Test
    void textThatIsNoPhoneNumberIsEmpty() {
        assertThat(PhoneNumbers.parse("call me maybe", "US")).isEmpty();
    }
}
