package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailChainTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String PHONE = "+14155550100";

    final GuardrailChain standard = GuardrailChain.standard();

    static SendAttempt marketingSms(String recipient, Consent consent) {
        return new SendAttempt(ShopId.of("shop-a"), "abandoned-checkout", ChannelType.SMS, Consent.Purpose.MARKETING,
                recipient, consent, NOW);
    }

    static Consent sms(Consent.State state, String source) {
        return Consent.marketing(ChannelType.SMS, state, source, NOW.minusSeconds(3600));
    }

    @Test
    void aSubscribedShopperWithAPhoneNumberIsAllowed() {
        assertThat(standard.check(marketingSms(PHONE, sms(Consent.State.SUBSCRIBED, "shopify:checkout"))))
                .isInstanceOf(Decision.Allow.class);
    }

    @Test
    void noPhoneNumberIsSkippedWithAReasonTheMerchantUnderstands() {
        Consent subscribed = sms(Consent.State.SUBSCRIBED, "shopify:checkout");

        assertThat(standard.check(marketingSms(null, subscribed))).isEqualTo(
                new Decision.Skip("no phone number for the shopper"));
        assertThat(standard.check(marketingSms("   ", subscribed))).isEqualTo(
                new Decision.Skip("no phone number for the shopper"));
    }

    @Test
    void theMissingAddressIsNamedForTheChannel() {
        SendAttempt email = new SendAttempt(ShopId.of("shop-a"), "j", ChannelType.EMAIL, Consent.Purpose.MARKETING,
                "", Consent.marketing(ChannelType.EMAIL, Consent.State.SUBSCRIBED, "", null), NOW);

        assertThat(standard.check(email)).isEqualTo(new Decision.Skip("no email address for the shopper"));
    }

    @Test
    void noConsentOnRecordIsSkipped() {
        assertThat(standard.check(marketingSms(PHONE, null))).isEqualTo(
                new Decision.Skip("no sms marketing consent on record"));
    }

    @Test
    void aShopperWhoDidNotSubscribeIsSkippedWithTheStateAndSource() {
        assertThat(standard.check(marketingSms(PHONE, sms(Consent.State.NOT_SUBSCRIBED, "shopify:checkout"))))
                .isEqualTo(new Decision.Skip(
                        "no sms marketing consent: state is not_subscribed (source shopify:checkout)"));
    }

    @Test
    void anUnsubscribedShopperIsSkippedAndAnEmptySourceIsLeftOut() {
        assertThat(standard.check(marketingSms(PHONE, sms(Consent.State.UNSUBSCRIBED, ""))))
                .isEqualTo(new Decision.Skip("no sms marketing consent: state is unsubscribed"));
    }

    @Test
    void everyStateButSubscribedIsSkipped() {
        for (Consent.State state : Consent.State.values()) {
            Decision decision = standard.check(marketingSms(PHONE, sms(state, "x")));
            if (state == Consent.State.SUBSCRIBED) {
                assertThat(decision).as(state.name()).isInstanceOf(Decision.Allow.class);
            } else {
                assertThat(decision).as(state.name()).isInstanceOf(Decision.Skip.class);
            }
        }
    }

    @Test
    void consentIsCheckedBeforeTheAddressBecauseItIsTheMoreBasicReason() {
        assertThat(standard.check(marketingSms(null, null))).isEqualTo(
                new Decision.Skip("no sms marketing consent on record"));
    }

    @Test
    void aTransactionalMessageNeedsNoMarketingConsent() {
        SendAttempt shippingUpdate = new SendAttempt(ShopId.of("shop-a"), "shipping-update", ChannelType.SMS,
                Consent.Purpose.TRANSACTIONAL, PHONE, sms(Consent.State.NOT_SUBSCRIBED, "shopify:checkout"), NOW);
        SendAttempt withoutConsent = new SendAttempt(ShopId.of("shop-a"), "shipping-update", ChannelType.SMS,
                Consent.Purpose.TRANSACTIONAL, PHONE, null, NOW);

        assertThat(standard.check(shippingUpdate)).isInstanceOf(Decision.Allow.class);
        assertThat(standard.check(withoutConsent)).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void aTransactionalMessageStillNeedsAnAddress() {
        SendAttempt noPhone = new SendAttempt(ShopId.of("shop-a"), "shipping-update", ChannelType.SMS,
                Consent.Purpose.TRANSACTIONAL, null, null, NOW);

        assertThat(standard.check(noPhone)).isEqualTo(new Decision.Skip("no phone number for the shopper"));
    }

    @Test
    void theFirstAnswerThatIsNotAllowWinsAndLaterGuardrailsAreNotAsked() {
        List<String> asked = new ArrayList<>();
        GuardrailChain chain = new GuardrailChain(List.of(
                attempt -> {
                    asked.add("first");
                    return Decision.ALLOW;
                },
                attempt -> {
                    asked.add("cap");
                    return new Decision.Skip("daily cap of 1 SMS reached");
                },
                attempt -> {
                    asked.add("quiet hours");
                    return new Decision.Defer(NOW.plusSeconds(3600), "quiet hours");
                }));

        Decision decision = chain.check(marketingSms(PHONE, sms(Consent.State.SUBSCRIBED, "")));

        assertThat(decision).isEqualTo(new Decision.Skip("daily cap of 1 SMS reached"));
        assertThat(asked).containsExactly("first", "cap");
    }

    @Test
    void aDeferIsPassedThroughWithItsTimeAndReason() {
        Instant eightAm = Instant.parse("2026-11-24T08:00:00Z");
        GuardrailChain chain = new GuardrailChain(List.of(new RecipientRequired(),
                attempt -> new Decision.Defer(eightAm, "quiet hours until 08:00"), new MarketingConsentRequired()));

        Decision decision = chain.check(marketingSms(PHONE, null));

        assertThat(decision).isEqualTo(new Decision.Defer(eightAm, "quiet hours until 08:00"));
    }

    @Test
    void anEmptyChainAllows() {
        assertThat(new GuardrailChain(List.of()).check(marketingSms(null, null))).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void theChainIsNotChangedByItsSourceList() {
        List<Guardrail> source = new ArrayList<>();
        GuardrailChain chain = new GuardrailChain(source);
        source.add(attempt -> new Decision.Skip("added later"));

        assertThat(chain.check(marketingSms(PHONE, null))).isInstanceOf(Decision.Allow.class);
    }
}
