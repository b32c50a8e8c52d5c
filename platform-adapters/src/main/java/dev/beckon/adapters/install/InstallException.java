package dev.beckon.adapters.install;

import dev.beckon.api.plugin.BeckonException;

import java.util.Objects;

/**
 * An install, load or uninstall callback that Beckon refuses or cannot finish. The message is written for the
 * merchant (it names no secret, no token and no expected signature); the {@link Kind} tells the edge which HTTP
 * status to answer with.
 */
public class InstallException extends BeckonException {

    private static final long serialVersionUID = 1L;

    /** Why, by what the edge answers. */
    public enum Kind {
        /** A parameter is missing or unreadable: 400. */
        MALFORMED(400),
        /** The signature (query HMAC, JWT) does not hold: 401. */
        UNAUTHENTICATED(401),
        /** The shop is not on the platform's domain ({@code evil.com}): 400. */
        FORBIDDEN_DOMAIN(400),
        /** The state nonce is unknown, expired or used already: 401. Start the install again. */
        REPLAYED_STATE(401),
        /** The callback or token is too old (timestamp, {@code exp}): 401. Start again. */
        EXPIRED(401),
        /** The platform refused the code exchange or lacks a granted scope: 403. */
        PLATFORM_REJECTED(403),
        /** The platform did not answer, or answered 5xx: 502. Try again later. */
        PLATFORM_UNAVAILABLE(502);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The status the edge should answer with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    /**
     * @param kind   never null
     * @param reason safe to show to the merchant; never null
     */
    public InstallException(Kind kind, String reason) {
        this(kind, reason, null);
    }

    /**
     * @param kind   never null
     * @param reason safe to show to the merchant; never null
     * @param cause  may be null; logged, not shown
     */
    public InstallException(Kind kind, String reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
