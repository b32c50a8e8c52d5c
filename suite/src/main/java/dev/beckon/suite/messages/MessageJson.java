package dev.beckon.suite.messages;

import dev.beckon.engine.messages.MessageView;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A message in the merchant API: what was (or will be) sent to whom, where it stands, and why. */
@JsonbNillable
@Schema(name = "Message")
public record MessageJson(
        @Schema(required = true) String id,
        @Schema(required = true, example = "sms") String channel,
        @Schema(description = "The recipient; null when the shopper had none") String to,
        @Schema(required = true, enumeration = {"scheduled", "deferred", "queued", "sent", "delivered", "failed",
                "skipped", "cancelled"}) String state,
        @Schema(description = "Why it was deferred, skipped, cancelled or failed") String reason,
        @Schema(required = true, example = "abandoned-checkout") String journey,
        @Schema(example = "sms-reminder") String step,
        @Schema(description = "The text, once rendered") String body,
        @Schema(description = "The provider's id once sent") String providerMessageId,
        int attempts,
        Instant dueAt,
        @Schema(required = true) Instant createdAt,
        Instant updatedAt,
        Instant sentAt) {

    static MessageJson of(MessageView m) {
        return new MessageJson(m.id(), m.channel(), m.to(), m.state().wireName(), m.reason(), m.journey(), m.step(),
                m.body(), m.providerMessageId(), m.attempts(), m.dueAt(), m.createdAt(), m.updatedAt(), m.sentAt());
    }
}
