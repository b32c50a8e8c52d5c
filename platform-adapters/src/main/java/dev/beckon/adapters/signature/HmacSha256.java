package dev.beckon.adapters.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC-SHA256 as the platforms compute it, and the constant-time comparison every check uses.
 *
 * <p>An empty key is allowed, as PHP's {@code hash_hmac} allows it (WooCommerce's default webhook secret is
 * empty): HMAC pads a key with zero bytes to the block size, so the empty key is the same key as one zero byte,
 * which {@link SecretKeySpec} accepts. Stateless and thread-safe: every call uses its own {@link Mac}.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] EMPTY_KEY_EQUIVALENT = {0};

    private HmacSha256() {
    }

    /** The raw 32-byte MAC of the concatenated {@code parts}, keyed with {@code key} (which may be empty). */
    public static byte[] mac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.length == 0 ? EMPTY_KEY_EQUIVALENT : key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    /** Whether two MACs are equal, in a time that does not depend on where they differ. */
    public static boolean same(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }
}
