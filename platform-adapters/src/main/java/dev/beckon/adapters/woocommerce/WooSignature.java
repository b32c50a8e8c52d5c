package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.signature.HmacSha256;

import java.nio.charset.StandardCharsets;
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
        return HmacSha256.matchesAnyBase64(body, header, secrets, WooSignature::key);
    }

    /** The raw MAC WooCommerce computes for {@code body} with the secret as stored (entities not yet decoded). */
    static byte[] mac(String storedSecret, byte[] body) {
        return HmacSha256.mac(key(storedSecret), body);
    }

    private static byte[] key(String storedSecret) {
        return WordPressEntities.decodeSpecialchars(storedSecret).getBytes(StandardCharsets.UTF_8);
    }
}
