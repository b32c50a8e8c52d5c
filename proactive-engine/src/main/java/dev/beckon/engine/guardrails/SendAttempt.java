package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A message about to be sent, as the guardrails see it.
 *
 * @param shop      never null
 * @param journey   never null
 * @param channel   never null
 * @param purpose   marketing or transactional; never null
 * @param recipient the address; null if the journey has none
 * @param consent   the shopper's marketing consent for the channel; null if unknown
 * @param now       the decision time; never null
 * @param timeZones the zones the shopper may be in, for quiet hours (one when it is known exactly, a few when her
 *                  number or country spans several); empty if unknown; never null
 */
public record SendAttempt(ShopId shop, String journey, ChannelType channel, Consent.Purpose purpose,
                          String recipient, Consent consent, Instant now, List<ZoneId> timeZones) {

    public SendAttempt {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
    }

    /** An attempt whose shopper's time zone is not known. */
    public SendAttempt(ShopId shop, String journey, ChannelType channel, Consent.Purpose purpose, String recipient,
                       Consent consent, Instant now) {
        this(shop, journey, channel, purpose, recipient, consent, now, List.of());
    }
}
