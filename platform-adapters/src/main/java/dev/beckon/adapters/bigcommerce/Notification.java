package dev.beckon.adapters.bigcommerce;

import dev.beckon.adapters.json.JsonView;

import java.time.Instant;

/**
 * A verified BigCommerce webhook body: {@code {"scope", "store_id", "data": {"type", "id", ...}, "hash",
 * "created_at", "producer": "stores/{hash}"}}.
 *
 * @param data       the {@code data} object; never null
 * @param occurredAt {@code created_at}, else the signed {@code webhook-timestamp}; never null
 * @param shopDomain the shop's domain as registered; never null
 */
record Notification(JsonView data, Instant occurredAt, String shopDomain) {
}
