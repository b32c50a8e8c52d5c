package dev.beckon.engine.attribution;

import dev.beckon.api.model.ChannelType;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long after a message an order still counts as its conversion, per channel and kind of touch. Immutable.
 *
 * @param click    after the shopper clicked the message's link; a channel without an entry attributes no clicks
 * @param delivery after the message was delivered (or sent, without a delivery receipt); a channel without an
 *                 entry attributes nothing to delivery alone
 */
public record AttributionWindows(Map<ChannelType, Duration> click, Map<ChannelType, Duration> delivery) {

    /**
     * Klaviyo's defaults for accounts since 2024-10-09: email click 5 days, SMS click 5 days, SMS delivery 12 hours,
     * push open 24 hours (a push or app click is its open). WhatsApp follows SMS. Email opens are not tracked here,
     * so email delivery alone attributes nothing.
     */
    public static final AttributionWindows KLAVIYO_DEFAULTS = new AttributionWindows(
            Map.of(ChannelType.EMAIL, Duration.ofDays(5), ChannelType.SMS, Duration.ofDays(5),
                    ChannelType.WHATSAPP, Duration.ofDays(5), ChannelType.WEB_PUSH, Duration.ofHours(24),
                    ChannelType.APP, Duration.ofHours(24)),
            Map.of(ChannelType.SMS, Duration.ofHours(12), ChannelType.WHATSAPP, Duration.ofHours(12)));

    public AttributionWindows {
        click = Map.copyOf(Objects.requireNonNull(click, "click"));
        delivery = Map.copyOf(Objects.requireNonNull(delivery, "delivery"));
    }

    public Optional<Duration> clickWindow(ChannelType channel) {
        return Optional.ofNullable(click.get(channel));
    }

    public Optional<Duration> deliveryWindow(ChannelType channel) {
        return Optional.ofNullable(delivery.get(channel));
    }

    /** The longest window of any kind, to bound the search for touches. */
    public Duration longest() {
        return java.util.stream.Stream.concat(click.values().stream(), delivery.values().stream())
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
