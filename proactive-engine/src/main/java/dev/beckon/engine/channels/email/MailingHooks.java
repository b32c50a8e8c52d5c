package dev.beckon.engine.channels.email;

import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ShopId;

import java.util.Optional;

/**
 * What the host application adds to each e-mail: the shop's name as the sender's display name, and a one-click
 * unsubscribe link for marketing mail. Called on the dispatcher's thread for every message; implementations are
 * thread-safe and may block briefly on a database. An exception (broken infrastructure) fails the attempt as
 * retryable, so marketing mail never goes out without the link it should carry.
 */
public interface MailingHooks {

    /** No display name, no unsubscribe link. */
    MailingHooks NONE = new MailingHooks() {
    };

    /** The display name for the {@code From} header; empty keeps the configured sender as it is. */
    default Optional<String> senderName(ShopId shop) {
        return Optional.empty();
    }

    /**
     * The link that unsubscribes the recipient of this marketing message from the shop's marketing e-mail; the same
     * link for every attempt at the message. Empty sends the message without {@code List-Unsubscribe}.
     */
    default Optional<UnsubscribeLink> unsubscribeLink(OutboundMessage message) {
        return Optional.empty();
    }
}
