package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.settings.ShopSettingsJson;
import dev.beckon.engine.timezones.ZoneSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live chain built from a shop's settings: consent, recipient, frequency cap, quiet hours. */
class ShopChainTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 08:30 in Paris. */
    static final Instant MORNING = Instant.parse("2026-11-23T07:30:00Z");

    final GuardrailChain chain = ShopSettingsJson.read("""
            {"timeZone": "Europe/Paris", "quietHoursByCountry": {"FR": {"start": "09:00", "end": "20:00"}}}""")
            .guardrails();

    static SendAttempt attempt(Consent.Purpose purpose, String recipient, Consent consent, String country,
                               Instant... sends) {
        return new SendAttempt(ShopId.of("s"), "abandoned-checkout", ChannelType.SMS, purpose, recipient, consent,
                MORNING, List.of(PARIS), ZoneSource.PHONE, country, List.of(sends));
    }

    static Consent subscribed() {
        return Consent.marketing(ChannelType.SMS, Consent.State.SUBSCRIBED, "shopify:checkout", null);
    }

    @Test
    void aFrenchShopperWaitsForNineOClockAnotherForEight() {
        GuardrailChain.Verdict french = chain.evaluate(attempt(Consent.Purpose.MARKETING, "+33612345678",
                subscribed(), "FR"));
        GuardrailChain.Verdict belgian = chain.evaluate(attempt(Consent.Purpose.MARKETING, "+32470123456",
                subscribed(), "BE"));

        assertThat(french.guardrail()).isEqualTo("quiet hours");
        assertThat(french.outcome()).isEqualTo("defer");
        assertThat(french.decision()).isEqualTo(new Decision.Defer(Instant.parse("2026-11-23T08:00:00Z"),
                "quiet hours in Europe/Paris, from the phone number, country FR (sending 09:00–20:00 local); goes at"
                        + " 09:00 Europe/Paris time"));
        assertThat(belgian.decision()).isEqualTo(Decision.ALLOW);
        assertThat(belgian.guardrail()).isEqualTo("all");
        assertThat(belgian.reason()).isEqualTo("passed consent, recipient, frequency cap, quiet hours");
    }

    @Test
    void consentIsAskedBeforeTheCapAndTheCapBeforeQuietHours() {
        Instant sentAnHourAgo = MORNING.minus(Duration.ofHours(1));

        assertThat(chain.evaluate(attempt(Consent.Purpose.MARKETING, "+33612345678", null, "FR", sentAnHourAgo))
                .guardrail()).isEqualTo("consent");
        assertThat(chain.evaluate(attempt(Consent.Purpose.MARKETING, "+33612345678", subscribed(), "FR",
                sentAnHourAgo)).guardrail()).isEqualTo("frequency cap");
    }

    @Test
    void transactionalMessagesBypassConsentCapsAndQuietHoursButNeedARecipient() {
        Instant sentAnHourAgo = MORNING.minus(Duration.ofHours(1));

        assertThat(chain.evaluate(attempt(Consent.Purpose.TRANSACTIONAL, "+33612345678", null, "FR", sentAnHourAgo))
                .decision()).isEqualTo(Decision.ALLOW);
        assertThat(chain.evaluate(attempt(Consent.Purpose.TRANSACTIONAL, null, null, "FR")).decision())
                .isEqualTo(new Decision.Skip("no phone number for the shopper"));
    }
}
