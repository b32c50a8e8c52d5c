package dev.beckon.suite.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.engine.channels.HtmlChannel;

import java.util.Objects;

/**
 * A channel wrapped by another behaviour (a circuit breaker, tracked links): the same id and type as the channel it
 * wraps, and every way of sending funnels into {@link #send(OutboundMessage, String, Consent.Purpose)}.
 */
public abstract class DecoratingChannel implements HtmlChannel {

    protected final Channel channel;

    protected DecoratingChannel(Channel channel) {
        this.channel = Objects.requireNonNull(channel);
    }

    @Override
    public final String id() {
        return channel.id();
    }

    @Override
    public final ChannelType type() {
        return channel.type();
    }

    @Override
    public final DeliveryReceipt send(OutboundMessage message) {
        return send(message, null, null);
    }

    @Override
    public final DeliveryReceipt send(OutboundMessage message, String html) {
        return send(message, html, null);
    }

    /**
     * @param html    the HTML part; null for a text-only message
     * @param purpose the message's purpose; null when the caller does not say
     */
    @Override
    public abstract DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose);
}
