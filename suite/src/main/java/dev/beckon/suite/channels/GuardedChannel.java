package dev.beckon.suite.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.engine.channels.HtmlChannel;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.util.Objects;

/**
 * A channel whose calls pass through its provider's circuit breaker. While the circuit is open the message is not
 * sent and comes back as a retryable failure, so the dispatcher's backoff brings it back after the circuit's delay.
 * The HTML part and the purpose of a message reach the wrapped channel if it is an {@link HtmlChannel}; a text-only
 * channel gets the text.
 */
public final class GuardedChannel extends DecoratingChannel {

    private final ProviderCircuits circuits;

    public GuardedChannel(Channel channel, ProviderCircuits circuits) {
        super(channel);
        this.circuits = Objects.requireNonNull(circuits);
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose) {
        return channel instanceof HtmlChannel rich ? guarded(new WithParts(rich, html, purpose), message)
                : guarded(channel, message);
    }

    private DeliveryReceipt guarded(Channel target, OutboundMessage message) {
        try {
            return switch (channel.type()) {
                case SMS -> circuits.sms(target, message);
                case EMAIL -> circuits.email(target, message);
                default -> circuits.other(target, message);
            };
        } catch (ProviderFailure failure) {
            return failure.receipt();
        } catch (CircuitBreakerOpenException open) {
            return DeliveryReceipt.Failed.retryable("not sent: the " + channel.id() + " provider failed repeatedly,"
                    + " so calls are paused for " + ProviderCircuits.OPEN_SECONDS + " s (circuit open)",
                    Duration.ofSeconds(ProviderCircuits.OPEN_SECONDS));
        }
    }

    /** The HTML channel bound to one message's extra parts, so the circuit's methods keep taking a plain channel. */
    private record WithParts(HtmlChannel channel, String html, Consent.Purpose purpose) implements Channel {

        @Override
        public String id() {
            return channel.id();
        }

        @Override
        public ChannelType type() {
            return channel.type();
        }

        @Override
        public DeliveryReceipt send(OutboundMessage message) {
            return purpose == null ? channel.send(message, html) : channel.send(message, html, purpose);
        }
    }
}
