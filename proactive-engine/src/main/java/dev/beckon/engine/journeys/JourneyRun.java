package dev.beckon.engine.journeys;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;

import java.time.Instant;

/**
 * One subject's pass through one journey (one checkout in the abandoned-checkout journey). Unique per shop,
 * journey and subject, so a subject enters a journey once.
 *
 * @param smsConsent the SMS marketing consent as last reported; null if unknown
 * @param shopperKey the shopper ({@link dev.beckon.engine.shoppers.ShopperKeys}); null if unknown
 */
public record JourneyRun(String id, ShopId shop, String journey, String subject, RunState state, String firstName,
                         String phone, String email, Consent smsConsent, String recoveryUrl, String cartToken,
                         Instant subjectUpdatedAt, String shopperKey) {

    /** Where a run stands. */
    public enum RunState {
        /** Waiting for its next step's timer. */
        WAITING,
        /** All steps done. */
        COMPLETED,
        /** The goal happened (an order was placed): no more steps. */
        CONVERTED,
        /** Stopped from outside (uninstall). */
        CANCELLED,
        /** Kept out by the re-entry cooldown: the shopper was in this journey recently. */
        NOT_ENTERED
    }

    static Consent smsConsent(String state, String source, Instant updatedAt) {
        return state == null ? null : Consent.marketing(ChannelType.SMS, Consent.State.valueOf(state), source, updatedAt);
    }
}
