package dev.beckon.video.links;

import java.time.Instant;
import java.util.Objects;

/**
 * What is kept about one landing-page link token. The token itself is not kept, only its SHA-256, so a leaked copy
 * of the store does not leak working links. Immutable and thread-safe.
 *
 * @param tokenHash SHA-256 of the token's text, 64 lowercase hex characters; never null
 * @param createdAt when the token was issued; never null
 * @param expiresAt the first instant at which the token no longer works; after {@code createdAt}
 * @param revokedAt when it was revoked; null while not revoked
 */
public record LinkToken(String tokenHash, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public LinkToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }

    /**
     * What presenting this token at {@code now} gives: revoked wins over expired, and the token expires exactly at
     * {@code expiresAt}.
     */
    public TokenCheck checkAt(Instant now) {
        if (revokedAt != null) {
            return new TokenCheck.Revoked(revokedAt);
        }
        if (!now.isBefore(expiresAt)) {
            return new TokenCheck.Expired(expiresAt);
        }
        return new TokenCheck.Valid(this);
    }

    /** This token revoked at {@code when}; an already revoked token keeps its first revocation time. */
    public LinkToken revoke(Instant when) {
        return revokedAt != null ? this : new LinkToken(tokenHash, createdAt, expiresAt, when);
    }
}
