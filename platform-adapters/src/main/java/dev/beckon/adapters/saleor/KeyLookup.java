package dev.beckon.adapters.saleor;

import com.nimbusds.jose.jwk.RSAKey;

import java.util.Objects;

/** What {@link CachingJwks} found for an origin and a key id. */
public sealed interface KeyLookup {

    /** The instance's public key of that id. */
    record Found(RSAKey key) implements KeyLookup {

        public Found {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The instance's key set, fresh or refetched as often as allowed, has no RSA key of that id. */
    record UnknownKey() implements KeyLookup {
    }

    /**
     * The key set could not be had (the instance is unreachable, or answered something that is not a JWKS).
     *
     * @param reason safe to show to the caller; names no key material
     */
    record Unavailable(String reason) implements KeyLookup {

        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
