package dev.beckon.adapters.standardwebhooks;

import dev.beckon.api.platform.WebhookOutcome;

import java.time.Instant;
import java.util.Objects;

/** What {@link StandardWebhooksVerifier} made of a delivery's signature headers. */
public sealed interface Verification {

    /**
     * Signed with one of the keys, and sent within the tolerance.
     *
     * @param webhookId the {@code webhook-id}: the same on every retry of one message; never null or blank
     * @param sentAt    the {@code webhook-timestamp}; never null
     */
    record Verified(String webhookId, Instant sentAt) implements Verification {

        public Verified {
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    /**
     * Not to be trusted: {@code UNAUTHENTICATED} (a header missing or malformed, no matching signature) or
     * {@code STALE} (signed, but the timestamp is outside the tolerance). The reason names no secret and no
     * expected signature.
     *
     * @param rejection never null
     */
    record Failed(WebhookOutcome.Rejected rejection) implements Verification {

        public Failed {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
