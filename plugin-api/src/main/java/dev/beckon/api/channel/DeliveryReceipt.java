package dev.beckon.api.channel;

import java.time.Duration;
import java.util.Objects;

/** What the provider answered to one send. */
public sealed interface DeliveryReceipt {

    /**
     * The provider took the message.
     *
     * @param providerMessageId the provider's id for it (Twilio's {@code SM…} sid); never null
     * @param providerStatus    the provider's status word ({@code queued}, {@code sent}); never null
     */
    record Sent(String providerMessageId, String providerStatus) implements DeliveryReceipt {

        public Sent {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
            Objects.requireNonNull(providerStatus, "providerStatus");
        }
    }

    /**
     * The provider did not take it.
     *
     * @param reason     for the merchant: what went wrong, with the provider's code; never null
     * @param retryable  true if the same message may succeed later (timeouts, 429, 5xx)
     * @param retryAfter how long the provider asked to wait; null if it did not say
     */
    record Failed(String reason, boolean retryable, Duration retryAfter) implements DeliveryReceipt {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        public static Failed permanent(String reason) {
            return new Failed(reason, false, null);
        }

        public static Failed retryable(String reason, Duration retryAfter) {
            return new Failed(reason, true, retryAfter);
        }
    }
}
