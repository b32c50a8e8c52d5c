package dev.beckon.engine.guardrails;

import java.util.List;

/** Asks each guardrail in order; the first answer that is not {@link Decision.Allow} wins. Immutable. */
public final class GuardrailChain implements Guardrail {

    private final List<Guardrail> guardrails;

    public GuardrailChain(List<Guardrail> guardrails) {
        this.guardrails = List.copyOf(guardrails);
    }

    /** The chain every send goes through today: an address, then marketing consent. */
    public static GuardrailChain standard() {
        return new GuardrailChain(List.of(new RecipientRequired(), new MarketingConsentRequired()));
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
