package dev.beckon.api.channel;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.plugin.Plugin;

/**
 * Sends messages to one provider (Twilio-compatible SMS, WhatsApp Cloud API, SMTP, ...).
 *
 * <p>Contract: {@link #send} blocks for at most its configured timeout, is called concurrently by the
 * dispatcher, and never throws for a provider's refusal or an unreachable provider: it returns
 * {@link DeliveryReceipt.Failed}. The dispatcher owns retries, backoff and circuit breaking; a channel makes one
 * attempt per call.
 */
public interface Channel extends Plugin {

    ChannelType type();

    /**
     * @param message never null
     * @return never null
     */
    DeliveryReceipt send(OutboundMessage message);
}
