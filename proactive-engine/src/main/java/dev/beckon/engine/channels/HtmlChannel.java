package dev.beckon.engine.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;

/**
 * A channel that can also carry an HTML part (email). The plugin API's {@link OutboundMessage} has only a text
 * body, so the engine's dispatcher hands the rendered HTML through this method when the channel offers it. Same
 * contract as {@link Channel#send}: blocks for at most the channel's timeout, never throws for a provider's
 * refusal.
 */
public interface HtmlChannel extends Channel {

    /**
     * @param message never null; its body is the plain-text part
     * @param html    the HTML part; null for a text-only message
     * @return never null
     */
    DeliveryReceipt send(OutboundMessage message, String html);

    @Override
    default DeliveryReceipt send(OutboundMessage message) {
        return send(message, null);
    }
}
