package dev.beckon.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A shopper's consent for one channel and purpose, with where and when it was given.
 *
 * <p>Only {@link State#SUBSCRIBED} allows marketing. Transactional messages (an order update) do not need
 * marketing consent, but an {@link State#UNSUBSCRIBED} shopper is never sent marketing.
 *
 * @param channel   the channel; never null
 * @param purpose   what the consent covers; never null
 * @param state     the state; never null
 * @param source    where it was collected ({@code "shopify:checkout"}, {@code "sms:STOP"}); never null, may be empty
 * @param updatedAt when the platform says it last changed; null if unknown
 */
public record Consent(ChannelType channel, Purpose purpose, State state, String source, Instant updatedAt) {

    public enum Purpose {
        MARKETING,
        TRANSACTIONAL
    }

    public enum State {
        SUBSCRIBED,
        NOT_SUBSCRIBED,
        UNSUBSCRIBED,
        PENDING,
        REDACTED,
        UNKNOWN
    }

    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(state, "state");
        source = source == null ? "" : source;
    }

    public static Consent marketing(ChannelType channel, State state, String source, Instant updatedAt) {
        return new Consent(channel, Purpose.MARKETING, state, source, updatedAt);
    }

    public boolean allowsMarketing() {
        return purpose == Purpose.MARKETING && state == State.SUBSCRIBED;
    }
}
