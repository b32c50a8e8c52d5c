package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.timezones.ZoneSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A message about to be sent, as the guardrails see it.
 *
 * @param shop        never null
 * @param journey     never null
 * @param channel     never null
 * @param purpose     marketing or transactional; never null
 * @param recipient   the address; null if the journey has none
 * @param consent     the shopper's marketing consent for the channel; null if unknown
 * @param now         the decision time; never null
 * @param timeZones   the zones the shopper may be in, for quiet hours (one when it is known exactly, a few when her
 *                    number or country spans several); empty if unknown; never null
 * @param zoneSource  where {@code timeZones} came from, shown in the reason; null if not said
 * @param country     the shopper's country (ISO 3166 alpha-2), for per-country quiet hours; null if unknown
 * @param recentSends when earlier marketing messages on this channel to this address were cleared, any order; the
 *                    frequency cap counts them; never null
 */
public record SendAttempt(ShopId shop, String journey, ChannelType channel, Consent.Purpose purpose,
                          String recipient, Consent consent, Instant now, List<ZoneId> timeZones,
                          ZoneSource zoneSource, String country, List<Instant> recentSends) {

    public SendAttempt {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
        recentSends = recentSends == null ? List.of() : List.copyOf(recentSends);
    }

    /** An attempt with known zones but no source, country or earlier sends. */
    public SendAttempt(ShopId shop, String journey, ChannelType channel, Consent.Purpose purpose, String recipient,
                       Consent consent, Instant now, List<ZoneId> timeZones) {
        this(shop, journey, channel, purpose, recipient, consent, now, timeZones, null, null, List.of());
    }

    /** An attempt whose shopper's time zone is not known. */
    public SendAttempt(ShopId shop, String journey, ChannelType channel, Consent.Purpose purpose, String recipient,
                       Consent consent, Instant now) {
        this(shop, journey, channel, purpose, recipient, consent, now, List.of());
    }
}
