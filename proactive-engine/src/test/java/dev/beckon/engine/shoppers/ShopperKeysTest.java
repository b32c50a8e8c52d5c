package dev.beckon.engine.shoppers;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Shopper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShopperKeysTest {

    @Test
    void aCustomerIsKnownByThePlatformsId() {
        assertThat(ShopperKeys.of(new Shopper(CustomerId.of("603851970716743426"), "Ann", null, "ann@example.com",
                "+14155550100", List.of()))).isEqualTo("603851970716743426");
    }

    @Test
    void aGuestIsKnownByAHashOfHerEmailWhateverItsCase() {
        String key = ShopperKeys.of(new Shopper(null, "Ann", null, "Ann@Example.com ", null, List.of()));

        assertThat(key).startsWith("email-").hasSize("email-".length() + 24).doesNotContain("example");
        assertThat(ShopperKeys.forContact("ann@example.com", "+14155550100")).isEqualTo(key);
    }

    @Test
    void aGuestWithOnlyAPhoneIsKnownByItsE164Form() {
        assertThat(ShopperKeys.forContact(null, "(415) 555-0100"))
                .isEqualTo(ShopperKeys.forContact(null, "+1 415 555 0100")).startsWith("phone-");
        assertThat(ShopperKeys.of(new Shopper(null, null, null, null, null, List.of()))).isNull();
    }

    @Test
    void capsCountByTheNormalisedAddress() {
        assertThat(ShopperKeys.recipientKey(ChannelType.SMS, "+1 (415) 555-0100")).isEqualTo("+14155550100");
        assertThat(ShopperKeys.recipientKey(ChannelType.EMAIL, " Ann@Example.com")).isEqualTo("ann@example.com");
        assertThat(ShopperKeys.recipientKey(ChannelType.SMS, " ")).isNull();
    }
}
