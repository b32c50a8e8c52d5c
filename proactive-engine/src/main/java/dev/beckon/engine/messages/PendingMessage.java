package dev.beckon.engine.messages;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;

/**
 * A message of a journey step that has not been cleared yet (scheduled, or deferred by quiet hours).
 *
 * @param content the rendered content of a deferred message; null while it is only scheduled
 */
public record PendingMessage(String id, MessageState state, ChannelType channel, Consent.Purpose purpose,
                             String recipient, MessageContent content) {
}
