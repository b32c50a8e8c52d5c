package dev.beckon.adapters.standardwebhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HMAC key of a Standard Webhooks signature. Immutable and thread-safe; its bytes are never shown, not even by
 * {@link #toString()}.
 */
public final class SigningKey {

    /** The prefix the Standard Webhooks spec puts before a base64 secret. */
    public static final String SECRET_PREFIX = "whsec_";

    private final byte[] bytes;

    private SigningKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The key of a secret in the spec's form: {@code whsec_} followed by base64 of the key bytes. As in the
     * reference libraries, the prefix is optional and the rest is base64-decoded.
     *
     * @throws IllegalArgumentException if the secret is blank or not base64 (the message never quotes it)
     */
    public static SigningKey fromSecret(String secret) {
        String encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) {
            encoded = encoded.substring(SECRET_PREFIX.length());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a Standard Webhooks secret must be whsec_ followed by base64");
        }
        if (decoded.length == 0) {
            throw new IllegalArgumentException("a Standard Webhooks secret must not be empty");
        }
        return new SigningKey(decoded);
    }

    /**
     * The key made of a secret's own UTF-8 bytes, for platforms that hand {@code base64(secret)} to the
     * libraries (BigCommerce's app client secret), which decode it back to those bytes.
     *
     * @throws IllegalArgumentException if the secret is blank
     */
    public static SigningKey ofUtf8(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("a signing secret must not be blank");
        }
        return new SigningKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "SigningKey[<" + bytes.length + " bytes hidden>]";
    }
}
