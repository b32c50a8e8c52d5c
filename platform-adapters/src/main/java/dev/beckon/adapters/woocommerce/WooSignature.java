package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.signature.HmacSha256;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * WooCommerce's webhook signature: {@code base64(HMAC-SHA256(key = wp_specialchars_decode(secret, ENT_QUOTES),
 * message = raw body))} ({@code WC_Webhook::generate_signature}). Only the default SHA-256 is supported; a store
 * that changes it with the {@code woocommerce_webhook_hash_algorithm} filter fails verification.
 *
 * <p>The header is decoded and the raw MACs are compared in constant time. Stateless and thread-safe.
 */
final class WooSignature {

    private WooSignature() {
    }

    /**
     * Whether {@code header} is the signature of {@code body} under any of the secrets (current first, then the
     * previous one during a rotation). A header that is not base64 matches nothing. Blank secrets are skipped: a
     * webhook without a secret authenticates no one.
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
            if (!secret.isBlank()) {
                // no early exit: every secret costs the same, whichever one matches
                matched |= HmacSha256.same(mac(secret, body), given);
            }
        }
        return matched;
    }

    /** The raw MAC WooCommerce computes for {@code body} with the secret as stored (entities not yet decoded). */
    static byte[] mac(String storedSecret, byte[] body) {
        byte[] key = WordPressEntities.decodeSpecialchars(storedSecret).getBytes(StandardCharsets.UTF_8);
        return HmacSha256.mac(key, body);
    }
}
