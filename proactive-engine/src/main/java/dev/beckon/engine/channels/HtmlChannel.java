package dev.beckon.engine.channels;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.Consent;

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

    /**
     * Sends with the message's purpose, for channels that treat marketing differently (an e-mail's one-click
     * unsubscribe header goes on marketing only). The dispatcher calls this one.
     *
     * @param message never null; its body is the plain-text part
     * @param html    the HTML part; null for a text-only message
     * @param purpose never null
     * @return never null
     */
    default DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose) {
        return send(message, html);
    }

    @Override
    default DeliveryReceipt send(OutboundMessage message) {
        return send(message, null);
    }
}
