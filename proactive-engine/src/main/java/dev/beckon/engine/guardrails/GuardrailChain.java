package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Asks each guardrail in order; the first answer that is not {@link Decision.Allow} wins. Immutable. */
public final class GuardrailChain implements Guardrail {

    /**
     * The chain's answer and the guardrail that gave it.
     *
     * @param guardrail the deciding guardrail's {@link Guardrail#name()}, or {@code all} when every one allowed
     * @param decision  never null
     * @param reason    the decision's reason, or for an Allow which guardrails passed; never null
     */
    public record Verdict(String guardrail, Decision decision, String reason) {

        public Verdict {
            Objects.requireNonNull(guardrail, "guardrail");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code allow}, {@code defer} or {@code skip}. */
        public String outcome() {
            if (decision instanceof Decision.Defer) {
                return "defer";
            }
            return decision instanceof Decision.Skip ? "skip" : "allow";
        }
    }

    private final List<Guardrail> guardrails;

    public GuardrailChain(List<Guardrail> guardrails) {
        this.guardrails = List.copyOf(guardrails);
    }

    /**
     * Marketing consent, then an address, with no caps or quiet hours: the chain before shop settings existed.
     * Consent comes first because it is the answer a merchant needs to "why didn't she get it?" when both are
     * missing.
     */
    public static GuardrailChain standard() {
        return new GuardrailChain(List.of(new MarketingConsentRequired(), new RecipientRequired()));
    }

    /**
     * The live chain: consent, recipient, frequency cap (skips), quiet hours (defers). Transactional messages
     * bypass consent, caps and quiet hours, but still need a recipient. A shop's chain comes from
     * {@link dev.beckon.engine.settings.ShopSettings#guardrails()}.
     *
     * @param caps         marketing caps by channel
     * @param window       the sending window where no country override applies
     * @param byCountry    sending windows by the shopper's country
     * @param fallbackZone the store's zone, for shoppers whose own zone is unknown
     */
    public static GuardrailChain live(Map<ChannelType, FrequencyCap> caps, QuietHours window,
                                      Map<String, QuietHours> byCountry, ZoneId fallbackZone) {
        return new GuardrailChain(List.of(new MarketingConsentRequired(), new RecipientRequired(),
                new FrequencyCapGuardrail(caps), new QuietHoursGuardrail(window, byCountry, fallbackZone)));
    }

    @Override
    public Decision check(SendAttempt attempt) {
        return evaluate(attempt).decision();
    }

    /** Like {@link #check}, saying which guardrail decided, for the decision log. */
    public Verdict evaluate(SendAttempt attempt) {
        for (Guardrail guardrail : guardrails) {
            Decision decision = guardrail.check(attempt);
            if (decision instanceof Decision.Defer defer) {
                return new Verdict(guardrail.name(), decision, defer.reason());
            }
            if (decision instanceof Decision.Skip skip) {
                return new Verdict(guardrail.name(), decision, skip.reason());
            }
        }
        return new Verdict("all", Decision.ALLOW, "passed " + guardrails.stream().map(Guardrail::name)
                .collect(Collectors.joining(", ")));
    }

    @Override
    public String name() {
        return "guardrails";
    }
}
