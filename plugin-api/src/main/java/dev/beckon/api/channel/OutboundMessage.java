package dev.beckon.api.channel;

import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;

import java.util.Objects;

/**
 * One message to one shopper on one channel, already rendered and cleared by the guardrails.
 *
 * @param id             never null
 * @param shop           never null
 * @param to             the address in the channel's format (E.164 phone, email address, app install id);
 *                       never null
 * @param subject        for channels that have one (email); null otherwise
 * @param body           never null
 * @param idempotencyKey equal for every attempt at this message, for providers that deduplicate; never null
 */
public record OutboundMessage(MessageId id, ShopId shop, String to, String subject, String body,
                              String idempotencyKey) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
