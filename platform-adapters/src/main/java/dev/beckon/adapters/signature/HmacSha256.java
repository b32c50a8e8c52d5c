package dev.beckon.adapters.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

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

    /**
     * Whether {@code header} is the base64 MAC of {@code body} under any of the secrets (current first, then the
     * previous one during a rotation). A header that is not base64 matches nothing; blank secrets are skipped, since
     * a webhook without a secret authenticates no one. Every secret is tried, whichever one matches, so the time
     * taken does not tell which did.
     *
     * @param keyOf how the platform turns a stored secret into key bytes
     */
    public static boolean matchesAnyBase64(byte[] body, String header, List<String> secrets,
                                           Function<String, byte[]> keyOf) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            if (!secret.isBlank()) {
                matched |= same(mac(keyOf.apply(secret), body), given);
            }
        }
        return matched;
    }

    /** Whether two MACs are equal, in a time that does not depend on where they differ. */
    public static boolean same(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }
}
