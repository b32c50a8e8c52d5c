package dev.beckon.adapters.shopify.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shopify's documented callback example (knowledge file 8.4) and what must refuse it. */
class OAuthCallbackVerifierTest {

    private static final String SECRET = "hush";
    private static final String STATE = "0.6784241404160823";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1337178173);

    private final OAuthCallbackVerifier verifier = verifierAt(SIGNED_AT);

    @Test
    void theDocumentedExampleVerifies() {
        assertThat(OAuthCallbackVerifier.message(documented())).isEqualTo(
                "code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823"
                        + "&timestamp=1337178173");
        assertThat(verifier.verify(documented(), STATE))
                .isEqualTo(new CallbackVerdict.Verified(new ShopDomain("some-shop.myshopify.com")));
    }

    @Test
    void aTamperedParameterIsRefused() {
        Map<String, String> query = documented();
        query.put("code", "0907a61c0c8d55e99db179b68161bc01");

        assertThat(verifier.verify(query, STATE))
                .isEqualTo(new CallbackVerdict.Refused("hmac does not match the parameters"));
    }

    @Test
    void aStateOfAnotherInstallOrNoneIsRefused() {
        CallbackVerdict refused = new CallbackVerdict.Refused("state does not match the install this browser started");
        assertThat(verifier.verify(documented(), "0.1234")).isEqualTo(refused);
        assertThat(verifier.verify(documented(), null)).isEqualTo(refused);
    }

    @Test
    void aForeignShopIsRefusedBeforeAnythingElse() {
        Map<String, String> query = documented();
        query.put("shop", "evil.com");

        assertThat(verifier.verify(query, STATE))
                .isEqualTo(new CallbackVerdict.Refused("shop is not a myshopify.com domain"));
    }

    @Test
    void aTimestampMoreThan90SecondsOffIsRefusedAndOneWithinIsNot() {
        assertThat(verifierAt(SIGNED_AT.plusSeconds(91)).verify(documented(), STATE))
                .isEqualTo(new CallbackVerdict.Refused("timestamp is 91 s from Beckon's clock; at most 90 s is accepted"));
        assertThat(verifierAt(SIGNED_AT.minusSeconds(91)).verify(documented(), STATE))
                .isInstanceOf(CallbackVerdict.Refused.class);
        assertThat(verifierAt(SIGNED_AT.plusSeconds(90)).verify(documented(), STATE))
                .isInstanceOf(CallbackVerdict.Verified.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "700e2dadb827fcc8609e9d5ce208b2e9", "zz0e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"})
    void anHmacThatIsNotAHexSha256IsRefused(String hmac) {
        Map<String, String> query = documented();
        query.put("hmac", hmac);

        assertThat(verifier.verify(query, STATE))
                .isEqualTo(new CallbackVerdict.Refused("hmac is missing or not a hex HMAC-SHA256"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NONE", value = {
        "some-shop.myshopify.com,            some-shop.myshopify.com",
        "Some-Shop.myshopify.com/,           some-shop.myshopify.com",
        "admin.shopify.com/store/some-shop,  some-shop.myshopify.com",
        "https://admin.shopify.com/store/s_1, s_1.myshopify.com",
        "some-shop.myshopify.io,             NONE",
        "evil.com,                           NONE",
        "some-shop.myshopify.com.evil.com,   NONE",
        "-shop.myshopify.com,                NONE",
        "https://some-shop.myshopify.com,    NONE",
    })
    void shopDomainsInProduction(String given, String expected) {
        assertThat(ShopDomain.validate(given).map(ShopDomain::value).orElse(null)).isEqualTo(expected);
    }

    @Test
    void developmentStoresAreAllowedOnlyWhenAskedFor() {
        assertThat(ShopDomain.validateAllowingDevelopment("dev-shop.myshopify.io"))
                .contains(new ShopDomain("dev-shop.myshopify.io"));
        assertThat(ShopDomain.validateAllowingDevelopment("evil.com")).isEmpty();
        assertThat(ShopDomain.validate(null)).isEmpty();
    }

    private static Map<String, String> documented() {
        Map<String, String> query = new HashMap<>();
        query.put("code", "0907a61c0c8d55e99db179b68161bc00");
        query.put("hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
        query.put("shop", "some-shop.myshopify.com");
        query.put("state", STATE);
        query.put("timestamp", "1337178173");
        return query;
    }

    private static OAuthCallbackVerifier verifierAt(Instant now) {
        return new OAuthCallbackVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }
}
