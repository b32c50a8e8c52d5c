package dev.beckon.engine.guardrails;

import dev.beckon.api.model.Consent;

import java.util.Locale;

/**
 * Marketing goes only to shoppers who subscribed on that channel. Transactional messages pass; they have their
 * own rules.
 */
public final class MarketingConsentRequired implements Guardrail {

    @Override
    public Decision check(SendAttempt attempt) {
        if (attempt.purpose() == Consent.Purpose.TRANSACTIONAL) {
            return Decision.ALLOW;
        }
        Consent consent = attempt.consent();
        String channel = attempt.channel().name().toLowerCase(Locale.ROOT);
        if (consent == null) {
            return new Decision.Skip("no " + channel + " marketing consent on record");
        }
        if (!consent.allowsMarketing()) {
            String source = consent.source().isEmpty() ? "" : " (source " + consent.source() + ")";
            return new Decision.Skip("no " + channel + " marketing consent: state is "
                    + consent.state().name().toLowerCase(Locale.ROOT) + source);
        }
        return Decision.ALLOW;
    }

    @Override
    public String name() {
        return "consent";
    }
}
