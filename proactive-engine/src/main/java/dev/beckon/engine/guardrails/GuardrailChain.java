package dev.beckon.engine.guardrails;

import java.util.List;

/** Asks each guardrail in order; the first answer that is not {@link Decision.Allow} wins. Immutable. */
public final class GuardrailChain implements Guardrail {

    private final List<Guardrail> guardrails;

    public GuardrailChain(List<Guardrail> guardrails) {
        this.guardrails = List.copyOf(guardrails);
    }

    /**
     * The chain every send goes through today: marketing consent, then an address. Consent comes first because
     * it is the answer a merchant needs to "why didn't she get it?" when both are missing.
     */
    public static GuardrailChain standard() {
        return new GuardrailChain(List.of(new MarketingConsentRequired(), new RecipientRequired()));
    }

    @Override
    public Decision check(SendAttempt attempt) {
        for (Guardrail guardrail : guardrails) {
            Decision decision = guardrail.check(attempt);
            if (!(decision instanceof Decision.Allow)) {
                return decision;
            }
        }
        return Decision.ALLOW;
    }
}
