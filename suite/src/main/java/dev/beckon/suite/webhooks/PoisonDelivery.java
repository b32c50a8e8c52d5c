package dev.beckon.suite.webhooks;

import dev.beckon.api.model.ShopId;

import java.time.Instant;

/**
 * A signed delivery whose body was not what its topic promises. It was acknowledged, so the platform does not retry,
 * and is kept for the merchant to see.
 *
 * @param topic       the platform's topic header; null if it sent none
 * @param bodyExcerpt the start of the body, control characters replaced
 * @param dedupKey    SHA-256 of the body, hex: the same broken body delivered twice is kept once
 */
public record PoisonDelivery(String id, ShopId shop, String platform, String topic, String reason,
                             String bodyExcerpt, int bodyBytes, String dedupKey, Instant receivedAt) {
}
