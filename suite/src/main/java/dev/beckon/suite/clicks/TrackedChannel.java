package dev.beckon.suite.clicks;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.channels.HtmlChannel;
import dev.beckon.suite.channels.DecoratingChannel;

import java.util.Objects;

/**
 * A channel whose messages go out with tracked links ({@code {beckon.public-base-url}/r/{token}}): the shopper's
 * click reaches Beckon, which records it on the message and redirects to the original URL. The merchant's view of
 * the message keeps the original text. If a link cannot be made (the database is down) the attempt fails as
 * retryable and the provider is not called. Never throws. Thread-safe if the tracker is.
 */
public final class TrackedChannel extends DecoratingChannel {

    /** Makes the tracked link of one URL of one message; the same link for every call with the same arguments. */
    @FunctionalInterface
    public interface Tracker {
        String link(ShopId shop, String messageId, String url);
    }

    private static final System.Logger LOG = System.getLogger(TrackedChannel.class.getName());

    private final String ownBase;
    private final Tracker tracker;

    /**
     * @param ownBase Beckon's public base URL; links under it (an unsubscribe page) are not tracked
     */
    public TrackedChannel(Channel channel, String ownBase, Tracker tracker) {
        super(channel);
        this.ownBase = ownBase.replaceAll("/+$", "");
        this.tracker = Objects.requireNonNull(tracker);
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose) {
        OutboundMessage tracked;
        String trackedHtml;
        try {
            TrackedUrls urls = new TrackedUrls(ownBase, url -> tracker.link(message.shop(), message.id().value(), url));
            tracked = new OutboundMessage(message.id(), message.shop(), message.to(), message.subject(),
                    urls.text(message.body()), message.idempotencyKey());
            trackedHtml = urls.html(html);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "message " + message.id().value()
                    + ": its tracked links could not be made; not sent", e);
            return DeliveryReceipt.Failed.retryable("tracked links could not be made: " + e, null);
        }
        if (channel instanceof HtmlChannel rich) {
            return purpose == null ? rich.send(tracked, trackedHtml) : rich.send(tracked, trackedHtml, purpose);
        }
        return channel.send(tracked);
    }
}
