package dev.beckon.engine.inbox;

import dev.beckon.api.event.EventEnvelope;

/**
 * A stored event claimed for processing.
 *
 * @param envelope the event
 * @param attempts how often processing was tried before, this one excluded
 */
public record InboxEvent(EventEnvelope envelope, int attempts) {
}
