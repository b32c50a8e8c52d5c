package dev.beckon.api.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShopperTest {

    @Test
    void findsTheMarketingConsentOfAChannel() {
        Consent sms = Consent.marketing(ChannelType.SMS, Consent.State.SUBSCRIBED, "shopify:checkout", null);
        Consent email = Consent.marketing(ChannelType.EMAIL, Consent.State.UNSUBSCRIBED, "", null);
        Shopper shopper = new Shopper(null, "Ann", null, "ann@example.com", "+15551234567", List.of(email, sms));

        assertThat(shopper.marketingConsent(ChannelType.SMS)).contains(sms);
        assertThat(shopper.marketingConsent(ChannelType.SMS).orElseThrow().allowsMarketing()).isTrue();
        assertThat(shopper.marketingConsent(ChannelType.EMAIL).orElseThrow().allowsMarketing()).isFalse();
        assertThat(shopper.marketingConsent(ChannelType.WHATSAPP)).isEmpty();
    }

    @Test
    void blankContactFieldsMeanUnknown() {
        Shopper shopper = new Shopper(null, " ", "", "  ", null, null);

        assertThat(shopper.firstName()).isNull();
        assertThat(shopper.email()).isNull();
        assertThat(shopper.consents()).isEmpty();
    }
}
