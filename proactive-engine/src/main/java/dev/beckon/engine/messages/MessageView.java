package dev.beckon.engine.messages;

import dev.beckon.api.model.Consent;
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
 * @param subject           an email's subject; null for other channels and before it is rendered
 * @param html              an email's HTML part; null for other channels and before it is rendered
 * @param segments          an SMS body's segment count (what the provider bills); null for other channels and
 *                          before it is rendered
 * @param encoding          an SMS body's encoding, {@code GSM_7} or {@code UCS_2}; null like {@code segments}
 * @param purpose           marketing or transactional (an order update); never null
 */
public record MessageView(String id, ShopId shop, String journey, String step, String channel, String to, MessageState state,
                          String reason, String body, String providerMessageId, int attempts, Instant dueAt,
                          Instant createdAt, Instant updatedAt, Instant sentAt, String subject, String html,
                          Integer segments, String encoding, Consent.Purpose purpose) {

    public MessageView {
        purpose = purpose == null ? Consent.Purpose.MARKETING : purpose;
    }

    /** A message view without its purpose, which then counts as marketing. */
    public MessageView(String id, ShopId shop, String journey, String step, String channel, String to,
                       MessageState state, String reason, String body, String providerMessageId, int attempts,
                       Instant dueAt, Instant createdAt, Instant updatedAt, Instant sentAt, String subject, String html,
                       Integer segments, String encoding) {
        this(id, shop, journey, step, channel, to, state, reason, body, providerMessageId, attempts, dueAt, createdAt,
                updatedAt, sentAt, subject, html, segments, encoding, Consent.Purpose.MARKETING);
    }

    /** A message view without rendered parts, as before subjects and SMS segments were recorded. */
    public MessageView(String id, ShopId shop, String journey, String step, String channel, String to,
                       MessageState state, String reason, String body, String providerMessageId, int attempts,
                       Instant dueAt, Instant createdAt, Instant updatedAt, Instant sentAt) {
        this(id, shop, journey, step, channel, to, state, reason, body, providerMessageId, attempts, dueAt, createdAt,
                updatedAt, sentAt, null, null, null, null, Consent.Purpose.MARKETING);
    }
}
