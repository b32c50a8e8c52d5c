package dev.beckon.suite.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.util.Objects;

/**
 * A channel whose calls pass through its provider's circuit breaker. While the circuit is open the message is not
 * sent and comes back as a retryable failure, so the dispatcher's backoff brings it back after the circuit's delay.
 */
public final class GuardedChannel implements Channel {

    private final Channel channel;
    private final ProviderCircuits circuits;

    public GuardedChannel(Channel channel, ProviderCircuits circuits) {
        this.channel = Objects.requireNonNull(channel);
        this.circuits = Objects.requireNonNull(circuits);
    }

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
        try {
            return switch (channel.type()) {
                case SMS -> circuits.sms(channel, message);
                case EMAIL -> circuits.email(channel, message);
                default -> circuits.other(channel, message);
            };
        } catch (ProviderFailure failure) {
            return failure.receipt();
        } catch (CircuitBreakerOpenException open) {
            return DeliveryReceipt.Failed.retryable("not sent: the " + channel.id() + " provider failed repeatedly,"
                    + " so calls are paused for " + ProviderCircuits.OPEN_SECONDS + " s (circuit open)",
                    Duration.ofSeconds(ProviderCircuits.OPEN_SECONDS));
        }
    }
}
