package dev.beckon.suite.clicks;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.channels.HtmlChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedChannelTest {

    static final String BASE = "https://beckon.example";
    static final TrackedChannel.Tracker TRACKER = (shop, message, url) ->
            BASE + "/r/" + message + "-" + Math.abs(url.hashCode() % 1000);

    final List<String> sent = new ArrayList<>();

    @Test
    void textUrlsBecomeTrackedLinksAndTheSentencesPunctuationStays() {
        TrackedUrls urls = new TrackedUrls(BASE, url -> "<" + url + ">");

        assertThat(urls.text("Complete your order: https://shop.example/checkouts/c1/recover?key=s&x=1. Or see"
                + " (http://shop.example/p/2)! Unsubscribe: https://beckon.example/u/abc"))
                .isEqualTo("Complete your order: <https://shop.example/checkouts/c1/recover?key=s&x=1>. Or see"
                        + " (<http://shop.example/p/2>)! Unsubscribe: https://beckon.example/u/abc");
        assertThat(urls.text("no links here")).isEqualTo("no links here");
    }

    @Test
    void htmlHrefsAreTrackedWithTheirEntitiesDecoded() {
        TrackedUrls urls = new TrackedUrls(BASE, url -> "https://beckon.example/r/" + url.length());

        assertThat(urls.html("<a href=\"https://shop.example/r?key=s&amp;x=1\">Go</a> <a href='mailto:a@b'>m</a>"
                + " <img src=\"https://cdn.example/i.png\"> <a HREF='https://beckon.example/u/t'>u</a>"))
                .isEqualTo("<a href=\"https://beckon.example/r/32\">Go</a> <a href='mailto:a@b'>m</a>"
                        + " <img src=\"https://cdn.example/i.png\"> <a HREF='https://beckon.example/u/t'>u</a>");
    }

    @Test
    void anEmailGoesOutWithTrackedLinksInBothPartsAndKeepsItsPurpose() {
        TrackedChannel channel = new TrackedChannel(html(), BASE + "/", TRACKER);

        DeliveryReceipt receipt = channel.send(message("Go: https://shop.example/a"),
                "<a href=\"https://shop.example/a\">Go</a>", Consent.Purpose.TRANSACTIONAL);

        String link = TRACKER.link(ShopId.of("shop-1"), "m-1", "https://shop.example/a");
        assertThat(receipt).isInstanceOf(DeliveryReceipt.Sent.class);
        assertThat(sent).containsExactly("Go: " + link + " | <a href=\"" + link + "\">Go</a> | TRANSACTIONAL");
    }

    @Test
    void anSmsGoesOutWithATrackedLink() {
        TrackedChannel channel = new TrackedChannel(text(), BASE, TRACKER);

        channel.send(message("Hi Ann, finish here: https://shop.example/checkouts/c1/recover?key=secret"), null,
                Consent.Purpose.MARKETING);

        assertThat(sent).singleElement().asString().startsWith("Hi Ann, finish here: https://beckon.example/r/m-1-");
    }

    @Test
    void whenNoLinkCanBeMadeTheProviderIsNotCalledAndTheAttemptIsRetried() {
        TrackedChannel channel = new TrackedChannel(text(), BASE, (shop, message, url) -> {
            throw new IllegalStateException("database down");
        });

        DeliveryReceipt receipt = channel.send(message("https://shop.example/a"));

        assertThat(sent).isEmpty();
        assertThat(receipt).isInstanceOfSatisfying(DeliveryReceipt.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("database down");
        });
    }

    private static OutboundMessage message(String body) {
        return new OutboundMessage(MessageId.of("m-1"), ShopId.of("shop-1"), "+14155550100", null, body, "m-1");
    }

    private Channel text() {
        return new Channel() {
            @Override
            public ChannelType type() {
                return ChannelType.SMS;
            }

            @Override
            public DeliveryReceipt send(OutboundMessage message) {
                sent.add(message.body());
                return new DeliveryReceipt.Sent("SM1", "queued");
            }

            @Override
            public String id() {
                return "sms";
            }
        };
    }

    private HtmlChannel html() {
        return new HtmlChannel() {
            @Override
            public DeliveryReceipt send(OutboundMessage message, String html) {
                return send(message, html, null);
            }

            @Override
            public DeliveryReceipt send(OutboundMessage message, String html, Consent.Purpose purpose) {
                sent.add(message.body() + " | " + html + " | " + purpose);
                return new DeliveryReceipt.Sent("<m-1@x>", "accepted");
            }

            @Override
            public ChannelType type() {
                return ChannelType.EMAIL;
            }

            @Override
            public String id() {
                return "email";
            }
        };
    }
}
