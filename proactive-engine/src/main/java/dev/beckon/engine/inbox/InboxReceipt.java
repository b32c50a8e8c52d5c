package dev.beckon.engine.inbox;

/**
 * What the inbox did with a batch of events from one delivery.
 *
 * @param stored     events that were new
 * @param duplicates events whose dedup key the shop had already stored (a retried delivery)
 */
public record InboxReceipt(int stored, int duplicates) {
}
