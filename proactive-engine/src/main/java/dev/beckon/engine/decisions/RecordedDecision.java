package dev.beckon.engine.decisions;

import dev.beckon.api.model.ShopId;

import java.time.Instant;
import java.util.Objects;

/**
 * One guardrail decision as stored for the merchant: who, which journey step and message, which guardrail, what it
 * decided and why.
 *
 * @param shop       never null
 * @param shopperKey the shopper ({@link dev.beckon.engine.shoppers.ShopperKeys}); null if unknown
 * @param journey    never null
 * @param step       the step; null for a decision about entering the journey
 * @param messageId  the message decided on; null for a decision about entering the journey
 * @param guardrail  the deciding guardrail ({@code consent}, {@code quiet hours}, {@code frequency cap},
 *                   {@code re-entry cooldown}, {@code stale timer}, or {@code all} for an allow); never null
 * @param outcome    {@code allow}, {@code defer} or {@code skip}; never null
 * @param reason     never null
 * @param until      for a deferral, when it goes; null otherwise
 * @param at         when it was decided; never null
 */
public record RecordedDecision(ShopId shop, String shopperKey, String journey, String step, String messageId,
                               String guardrail, String outcome, String reason, Instant until, Instant at) {

    public RecordedDecision {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
