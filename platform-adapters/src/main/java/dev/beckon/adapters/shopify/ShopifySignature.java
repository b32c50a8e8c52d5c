package dev.beckon.adapters.shopify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Shopify's webhook signature: {@code base64(HMAC-SHA256(key = client secret as UTF-8, message = raw body))}.
 *
 * <p>The header is decoded and the raw MACs are compared with {@link MessageDigest#isEqual}, which takes a time
 * independent of where they differ. Stateless and thread-safe: every check uses its own {@link Mac}.
 */
final class ShopifySignature {

    private static final String ALGORITHM = "HmacSHA256";

    private ShopifySignature() {
    }

    /**
     * Whether {@code header} is the signature of {@code body} under any of the secrets (current first, then the
     * previous one during a rotation). A header that is not base64 matches nothing. Blank secrets are skipped.
     */
    static boolean matches(byte[] body, String header, List<String> secrets) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                // no early exit: every secret costs the same, whichever one matches
                matched |= MessageDigest.isEqual(mac(secret, body), given);
            }
        }
        return matched;
    }

    /** The raw HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of a non-empty {@code secret}. */
    static byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }
}
