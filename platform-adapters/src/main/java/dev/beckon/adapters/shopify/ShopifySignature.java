package dev.beckon.adapters.shopify;

import dev.beckon.adapters.signature.HmacSha256;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Shopify's webhook signature: {@code base64(HMAC-SHA256(key = client secret as UTF-8, message = raw body))}.
 *
 * <p>The header is decoded and the raw MACs are compared in constant time by {@link HmacSha256}. Stateless and
 * thread-safe.
 */
final class ShopifySignature {

    private ShopifySignature() {
    }

    /**
     * Whether {@code header} is the signature of {@code body} under any of the secrets (current first, then the
     * previous one during a rotation). A header that is not base64 matches nothing. Blank secrets are skipped.
     */
    static boolean matches(byte[] body, String header, List<String> secrets) {
        return HmacSha256.matchesAnyBase64(body, header, secrets, secret -> secret.getBytes(StandardCharsets.UTF_8));
    }
}
