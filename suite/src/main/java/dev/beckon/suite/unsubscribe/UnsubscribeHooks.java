package dev.beckon.suite.unsubscribe;

import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.engine.channels.email.MailingHooks;
import dev.beckon.engine.channels.email.UnsubscribeLink;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives each marketing e-mail its one-click link, {@code {beckon.public-base-url}/u/{token}}. A database failure
 * propagates, so the channel retries the message rather than sending marketing mail without a way out.
 */
public final class UnsubscribeHooks implements MailingHooks {

    private final JdbcUnsubscribeLinks links;
    private final String base;

    public UnsubscribeHooks(JdbcUnsubscribeLinks links, URI publicBaseUrl) {
        this.links = Objects.requireNonNull(links);
        this.base = publicBaseUrl.toString().replaceAll("/+$", "");
    }

    @Override
    public Optional<UnsubscribeLink> unsubscribeLink(OutboundMessage message) {
        String token = links.tokenFor(message.shop(), message.id().value(), message.to());
        return Optional.of(new UnsubscribeLink(URI.create(base + "/u/" + token), null));
    }
}
