package dev.beckon.engine.timezones;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShopperTimeZonesTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId CANARY = ZoneId.of("Atlantic/Canary");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final ShopperTimeZones storeInNewYork = new ShopperTimeZones(NEW_YORK);

    @Test
    void theProfileWinsOverEverythingElse() {
        assertThat(storeInNewYork.resolve("Europe/Paris", "+14155238886", "US"))
                .isEqualTo(ResolvedZone.of(PARIS, ZoneSource.PROFILE));
    }

    @Test
    void aPhoneNumbersAreaGivesItsZone() {
        assertThat(storeInNewYork.resolve(null, "+14155238886", null))
                .isEqualTo(ResolvedZone.of(LOS_ANGELES, ZoneSource.PHONE));
        assertThat(storeInNewYork.resolve(null, "+34911234567", null))
                .isEqualTo(ResolvedZone.of(MADRID, ZoneSource.PHONE));
        assertThat(storeInNewYork.resolve(null, "+34928123456", null))
                .isEqualTo(ResolvedZone.of(CANARY, ZoneSource.PHONE));
    }

    @Test
    void aNationalNumberIsReadInTheAddresssCountry() {
        assertThat(storeInNewYork.resolve(null, "(415) 523-8886", "us"))
                .isEqualTo(ResolvedZone.of(LOS_ANGELES, ZoneSource.PHONE));
    }

    @Test
    void aMobileNumberSpanningZonesKeepsThemAllUnlessTheStoresIsAmongThem() {
        assertThat(storeInNewYork.resolve(null, "+34612345678", null))
                .satisfies(zone -> {
                    assertThat(zone.zones()).containsExactlyInAnyOrder(MADRID, CANARY);
                    assertThat(zone.source()).isEqualTo(ZoneSource.PHONE);
                });
        assertThat(new ShopperTimeZones(MADRID).resolve(null, "+34612345678", null))
                .isEqualTo(ResolvedZone.of(MADRID, ZoneSource.PHONE));
    }

    @Test
    void theAddressCountryCountsWhenItHasFewZones() {
        assertThat(storeInNewYork.resolve(null, null, "FR")).isEqualTo(ResolvedZone.of(PARIS, ZoneSource.ADDRESS));
        assertThat(storeInNewYork.resolve(null, null, "ES").zones()).containsExactlyInAnyOrder(MADRID, CANARY);
    }

    @Test
    void aCountrySpanningAContinentSaysNothingAndTheStoreDecides() {
        assertThat(storeInNewYork.resolve(null, null, "AU")).isEqualTo(ResolvedZone.of(NEW_YORK, ZoneSource.STORE));
    }

    @Test
    void unusableInputFallsThroughToTheNextSource() {
        assertThat(storeInNewYork.resolve("Mars/Olympus_Mons", "not a number", "XX"))
                .isEqualTo(ResolvedZone.of(NEW_YORK, ZoneSource.STORE));
        assertThat(storeInNewYork.resolve(" ", "+1 000", null)).isEqualTo(ResolvedZone.of(NEW_YORK, ZoneSource.STORE));
    }

    @Test
    void theMerchantSeesWhereTheZoneCameFrom() {
        assertThat(ResolvedZone.of(LOS_ANGELES, ZoneSource.PHONE).describe())
                .isEqualTo("America/Los_Angeles (from the phone number)");
        assertThat(new ResolvedZone(List.of(MADRID, CANARY), ZoneSource.ADDRESS).describe())
                .isEqualTo("Europe/Madrid, Atlantic/Canary (from the address)");
    }
}
