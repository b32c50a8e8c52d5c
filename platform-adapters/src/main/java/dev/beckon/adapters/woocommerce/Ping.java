package dev.beckon.adapters.woocommerce;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ping WooCommerce sends when a webhook is created or its URL changes ({@code WC_Webhook::deliver_ping}): a
 * form-encoded body {@code webhook_id=<id>}, with no signature and no JSON. WooCommerce wants exactly HTTP 200
 * back, or the merchant sees "Delivery URL returned response code".
 */
final class Ping {

    private static final Pattern SHAPE = Pattern.compile("webhook_id=([0-9]{1,20})");
    private static final int MAX_LENGTH = 40;

    private Ping() {
    }

    /** The webhook id if the body is exactly the ping's shape; empty otherwise. */
    static Optional<String> webhookId(byte[] body) {
        if (body.length > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(new String(body, StandardCharsets.US_ASCII).strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
