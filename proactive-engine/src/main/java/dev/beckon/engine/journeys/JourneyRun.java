package dev.beckon.engine.journeys;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.definitions.RunState;

import java.time.Instant;

/**
 * One subject's pass through one journey (one checkout in abandoned checkout, one order in thank-you, one visit
 * in the in-store offer). Unique per shop, journey and subject, so a subject enters a journey once.
 *
 * @param subject          the trigger's checkout, order or visit id; for other triggers {@code event:<id>}
 * @param contact          where the shopper can be reached, from the trigger and later updates of the subject
 * @param subjectUpdatedAt when the subject last changed, so an older update arriving late changes nothing
 * @param shopperKey       the shopper ({@link dev.beckon.engine.shoppers.ShopperKeys}); null if unknown
 * @param interpreter      the interpreter's state of the run; null for a run that never started (kept out)
 */
public record JourneyRun(String id, ShopId shop, String journey, String subject, Status status, Contact contact,
                         Instant subjectUpdatedAt, String shopperKey, RunState interpreter) {

    /** Where a run stands, as the timeline and the merchant see it. */
    public enum Status {
        /** Waiting for a timer, a discount code or a video. */
        WAITING,
        /** All steps done. */
        COMPLETED,
        /** The goal happened (an order was placed): no more steps. */
        CONVERTED,
        /** Ended by an exit event that is not its goal (the order was cancelled). */
        EXITED,
        /** Stopped from outside (uninstall). */
        CANCELLED,
        /** Kept out by the re-entry cooldown: the shopper was in this journey recently. */
        NOT_ENTERED
    }

    /**
     * The shopper's addresses as the run knows them; any may be null.
     *
     * @param device the app install of a proximity event, the address of app messages
     */
    public record Contact(String firstName, String phone, String email, String device, String recoveryUrl,
                          String cartToken) {

        public static final Contact NONE = new Contact(null, null, null, null, null, null);

        /** This contact with the gaps filled from {@code older}. */
        Contact orElse(Contact older) {
            return new Contact(first(firstName, older.firstName), first(phone, older.phone), first(email, older.email),
                    first(device, older.device), first(recoveryUrl, older.recoveryUrl),
                    first(cartToken, older.cartToken));
        }

        private static String first(String a, String b) {
            return a != null ? a : b;
        }
    }

    JourneyRun with(Status newStatus, RunState state) {
        return new JourneyRun(id, shop, journey, subject, newStatus, contact, subjectUpdatedAt, shopperKey, state);
    }
}
