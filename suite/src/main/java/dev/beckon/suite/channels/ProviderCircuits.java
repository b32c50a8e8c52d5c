package dev.beckon.suite.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.temporal.ChronoUnit;

/**
 * One MicroProfile Fault Tolerance circuit breaker per kind of provider. A breaker's state belongs to its method, so
 * each channel type has its own method: a failing SMS provider opens the SMS circuit and leaves e-mail alone.
 *
 * <p>A circuit opens when at least half of the last {@value #WINDOW} calls failed in a retryable way (timeouts,
 * 5xx, 429, unreachable); while it is open no call reaches the provider for {@value #OPEN_SECONDS} s, then
 * {@value #PROBES} trial calls decide whether it closes again. A provider's refusal of one message (a bad number)
 * is not a provider failure and does not count.
 */
@ApplicationScoped
public class ProviderCircuits {

    static final int WINDOW = 10;
    static final int OPEN_SECONDS = 30;
    static final int PROBES = 2;

    @CircuitBreaker(requestVolumeThreshold = WINDOW, failureRatio = 0.5, delay = OPEN_SECONDS,
            delayUnit = ChronoUnit.SECONDS, successThreshold = PROBES, failOn = ProviderFailure.class)
    public DeliveryReceipt sms(Channel channel, OutboundMessage message) {
        return ProviderFailure.throwIfRetryable(channel.send(message));
    }

    @CircuitBreaker(requestVolumeThreshold = WINDOW, failureRatio = 0.5, delay = OPEN_SECONDS,
            delayUnit = ChronoUnit.SECONDS, successThreshold = PROBES, failOn = ProviderFailure.class)
    public DeliveryReceipt email(Channel channel, OutboundMessage message) {
        return ProviderFailure.throwIfRetryable(channel.send(message));
    }

    @CircuitBreaker(requestVolumeThreshold = WINDOW, failureRatio = 0.5, delay = OPEN_SECONDS,
            delayUnit = ChronoUnit.SECONDS, successThreshold = PROBES, failOn = ProviderFailure.class)
    public DeliveryReceipt other(Channel channel, OutboundMessage message) {
        return ProviderFailure.throwIfRetryable(channel.send(message));
    }
}
