package dev.beckon.adapters.woocommerce.install;

import java.util.Objects;

/**
 * A WooCommerce install step that could not be completed. The message is written for the merchant (and the
 * support engineer helping them): it says what went wrong and what to do, and never holds a key or a secret.
 * Checked, so the edge maps every {@link Reason} to a 4xx or 502 answer instead of a 500.
 */
public final class WooInstallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; {@link #httpStatus()} is the answer the edge should give. */
    public enum Reason {
        /** The store URL or one of the install URLs is not usable. */
        INVALID_URL(400),
        /** The callback body is not the JSON WooCommerce posts. */
        INVALID_CALLBACK(400),
        /** No install was started for this shop, it expired, or it was already completed. */
        UNKNOWN_INSTALL(404),
        /** The callback's {@code user_id} is not the one this install sent. */
        USER_MISMATCH(403),
        /** The merchant granted fewer permissions than {@code read_write}. */
        INSUFFICIENT_PERMISSIONS(403),
        /** The store does not accept the keys it just posted. */
        KEYS_REJECTED(403),
        /** The store could not be reached in time. */
        STORE_UNREACHABLE(502),
        /** The store answered something unexpected (a redirect, an error, not the WooCommerce REST API). */
        STORE_ERROR(502),
        /** The keys work but a webhook could not be created. */
        WEBHOOK_FAILED(502);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    public WooInstallException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the edge should answer with. */
    public int httpStatus() {
        return reason.httpStatus();
    }
}
