package dev.beckon.adapters.saleor.install;

import java.util.Objects;

/**
 * A Saleor register call that could not be completed. The message says what went wrong and what to do, and never
 * holds the token. Checked, so the edge maps every {@link Reason} to its status instead of a 500.
 */
public final class SaleorInstallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; {@link #httpStatus()} is the answer the edge should give (Saleor shows it in the dashboard). */
    public enum Reason {
        /** The {@code saleor-api-url} header is missing or not an https URL. */
        INVALID_API_URL(400),
        /** The API URL is valid but not one this shop or this deployment accepts. */
        FORBIDDEN_API_URL(403),
        /** The body is not {@code {"auth_token": "…"}}. */
        INVALID_BODY(400),
        /** Saleor does not accept the token as an app token. */
        TOKEN_INVALID(401),
        /** The Saleor API could not be reached in time. */
        SALEOR_UNREACHABLE(502),
        /** The Saleor API answered something unexpected. */
        SALEOR_ERROR(502),
        /** The instance's signing keys could not be fetched or hold no usable key. */
        JWKS_UNAVAILABLE(502);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    public SaleorInstallException(Reason reason, String message) {
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
