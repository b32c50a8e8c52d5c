package dev.beckon.engine.messages;

import java.util.Locale;

/** Where a message is in its life. Shown to merchants in lower case. */
public enum MessageState {
    /** Waiting for its journey step to come due. */
    SCHEDULED,
    /** Due, but held back by a guardrail until a later time (quiet hours). */
    DEFERRED,
    /** Cleared by the guardrails, waiting for the dispatcher. */
    QUEUED,
    /** Claimed by the dispatcher; the provider is being called. Shown as {@code queued}. */
    SENDING,
    SENT,
    DELIVERED,
    FAILED,
    SKIPPED,
    CANCELLED;

    /** The state as the merchant API shows it. */
    public String wireName() {
        return (this == SENDING ? QUEUED : this).name().toLowerCase(Locale.ROOT);
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
