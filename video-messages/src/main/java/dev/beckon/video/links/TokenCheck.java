package dev.beckon.video.links;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to "does this link token work now?". The landing page maps it to 200, 410 with a friendly
 * "link expired" page, or 404. Immutable and thread-safe.
 */
public sealed interface TokenCheck {

    /** The token works. */
    record Valid(LinkToken token) implements TokenCheck {

        public Valid {
            Objects.requireNonNull(token, "token");
        }
    }

    /** The token was issued but its time is up. */
    record Expired(Instant expiredAt) implements TokenCheck {

        public Expired {
            Objects.requireNonNull(expiredAt, "expiredAt");
        }
    }

    /** The merchant (or an erasure request) revoked the token. */
    record Revoked(Instant revokedAt) implements TokenCheck {

        public Revoked {
            Objects.requireNonNull(revokedAt, "revokedAt");
        }
    }

    /** No such token: never issued, mistyped, or not even in the token format. */
    record Unknown() implements TokenCheck {
    }
}
