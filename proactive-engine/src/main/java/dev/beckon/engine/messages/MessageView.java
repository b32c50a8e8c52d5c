package dev.beckon.engine.messages;

import dev.beckon.api.model.ShopId;

import java.time.Instant;

/**
 * A message as the merchant sees it: what, to whom, where it stands and why.
 *
 * @param id                never null
 * @param shop              never null
 * @param journey           the journey that made it; never null
 * @param step              the journey step; never null
 * @param channel           {@code sms}, {@code email}, ...; never null
 * @param to                the recipient; null if the shopper had none (then the message is skipped)
 * @param state             never null
 * @param reason            why it was deferred, skipped, cancelled or failed; null otherwise
 * @param body              the rendered text; null until it is queued
 * @param providerMessageId the provider's id once sent; null before
 * @param attempts          provider calls made
 * @param dueAt             when it is (or was) due; null if not scheduled
 * @param createdAt         never null
 * @param updatedAt         never null
 * @param sentAt            null until sent
 */
public record MessageView(String id, ShopId shop, String journey, String step, String channel, String to, MessageState state,
                          String reason, String body, String providerMessageId, int attempts, Instant dueAt,
                          Instant createdAt, Instant updatedAt, Instant sentAt) {
}
