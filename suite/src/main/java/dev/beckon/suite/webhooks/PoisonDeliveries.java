package dev.beckon.suite.webhooks;

import dev.beckon.api.model.ShopId;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Builds a {@link PoisonDelivery} from what arrived. */
final class PoisonDeliveries {

    static final int EXCERPT_CHARS = 300;

    /** Where each platform names the topic: Shopify (both families), WooCommerce, Saleor, BigCommerce's own. */
    private static final List<String> TOPIC_HEADERS = List.of("X-Shopify-Topic", "shopify-topic",
            "X-WC-Webhook-Topic", "Saleor-Event", "X-Webhook-Topic");

    private PoisonDeliveries() {
    }

    static PoisonDelivery of(ShopId shop, String platform, HttpHeaders headers, byte[] body, String reason,
                             Instant receivedAt) {
        return new PoisonDelivery(UUID.randomUUID().toString(), shop, platform, topic(headers), reason,
                excerpt(body), body.length, sha256(body), receivedAt);
    }

    /** WooCommerce's creation ping, kept once per body ({@code webhook_id=42}: once per webhook). */
    static PoisonDelivery ping(ShopId shop, String platform, byte[] body, String reason, Instant receivedAt) {
        return new PoisonDelivery(UUID.randomUUID().toString(), shop, platform, "ping", reason, excerpt(body),
                body.length, sha256(body), receivedAt, PoisonDelivery.PING);
    }

    private static String topic(HttpHeaders headers) {
        for (String name : TOPIC_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null && !value.isBlank()) {
                return value.strip().length() > 128 ? value.strip().substring(0, 128) : value.strip();
            }
        }
        return null;
    }

    /** The start of the body as text, with control characters shown as '?', so it is safe to display. */
    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(EXCERPT_CHARS).forEach(cp ->
                out.appendCodePoint(Character.isISOControl(cp) && cp != '\n' && cp != '\t' ? '?' : cp));
        if (text.codePointCount(0, text.length()) > EXCERPT_CHARS) {
            out.append('…');
        }
        return out.toString();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
