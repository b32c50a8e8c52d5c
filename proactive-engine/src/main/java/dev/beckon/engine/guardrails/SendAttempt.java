package dev.beckon.engine.guardrails;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;

import java.time.Instant;
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
 */
public record SendAttempt(ShopId shop, String journey, ChannelType channel, Consent.Purpose purpose,
                          String recipient, Consent consent, Instant now) {

    public SendAttempt {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
    }
}
