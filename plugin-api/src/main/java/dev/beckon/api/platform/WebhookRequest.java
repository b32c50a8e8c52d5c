package dev.beckon.api.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * One webhook delivery exactly as it arrived: the raw body bytes (signatures are checked over these, never over
 * re-serialised JSON) and the headers.
 *
 * @param shop       the shop the URL names; never null
 * @param headers    never null
 * @param body       the raw bytes; never null; the caller does not change them afterwards
 * @param receivedAt when Beckon received it; never null
 */
public record WebhookRequest(ShopContext shop, Headers headers, byte[] body, Instant receivedAt) {

    public WebhookRequest {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
