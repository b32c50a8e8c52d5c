package dev.beckon.engine.settings;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.guardrails.FrequencyCap;
import dev.beckon.engine.guardrails.GuardrailChain;
import dev.beckon.engine.guardrails.QuietHours;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One shop's guardrail settings, as the merchant sets them ({@code GET/PUT /api/shops/{shopId}/settings}); a shop
 * that never set them gets {@link #defaults()}. Read and written as JSON by {@link ShopSettingsJson}, which
 * reports every invalid field. Immutable.
 *
 * @param timeZone                 the store's zone: quiet hours fall back to it when the shopper's own zone is not
 *                                 known; never null
 * @param quietHours               the local sending window, when no country override applies; never null
 * @param quietHoursByCountry      sending windows by the shopper's country (ISO 3166 alpha-2, upper case), e.g.
 *                                 France 09:00–20:00; never null
 * @param frequencyCaps            marketing caps per channel; a channel without an entry is not capped; never null
 * @param reentryCooldown          how long after entering a journey the same shopper may enter it again; zero
 *                                 allows re-entry at once; never null, not negative
 * @param reentryCooldownByJourney per-journey overrides of {@code reentryCooldown}, by journey id; never null
 */
public record ShopSettings(ZoneId timeZone, QuietHours quietHours, Map<String, QuietHours> quietHoursByCountry,
                           Map<ChannelType, FrequencyCap> frequencyCaps, Duration reentryCooldown,
                           Map<String, Duration> reentryCooldownByJourney) {

    /**
     * Smart-sending defaults after Klaviyo's: SMS, WhatsApp and push 1 per 24 h, email 1 per 16 h; the app channel
     * is not capped.
     */
    public static final Map<ChannelType, FrequencyCap> DEFAULT_CAPS = Map.of(
            ChannelType.SMS, new FrequencyCap(1, Duration.ofHours(24)),
            ChannelType.WHATSAPP, new FrequencyCap(1, Duration.ofHours(24)),
            ChannelType.EMAIL, new FrequencyCap(1, Duration.ofHours(16)),
            ChannelType.WEB_PUSH, new FrequencyCap(1, Duration.ofHours(24)));

    /** Klaviyo's common flow filter "has not been in this flow in the last 7 days". */
    public static final Duration DEFAULT_REENTRY_COOLDOWN = Duration.ofDays(7);

    public ShopSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(quietHours, "quietHours");
        quietHoursByCountry = Map.copyOf(new TreeMap<>(Objects.requireNonNull(quietHoursByCountry)));
        frequencyCaps = Map.copyOf(Objects.requireNonNull(frequencyCaps, "frequencyCaps"));
        Objects.requireNonNull(reentryCooldown, "reentryCooldown");
        if (reentryCooldown.isNegative()) {
            throw new IllegalArgumentException("reentryCooldown must not be negative, got " + reentryCooldown);
        }
        reentryCooldownByJourney = Map.copyOf(Objects.requireNonNull(reentryCooldownByJourney));
    }

    /** UTC, 08:00–20:00 everywhere, the default caps and a 7-day re-entry cooldown. */
    public static ShopSettings defaults() {
        return new ShopSettings(ZoneOffset.UTC, QuietHours.DEFAULT, Map.of(), DEFAULT_CAPS, DEFAULT_REENTRY_COOLDOWN,
                Map.of());
    }

    /** The sending window for a shopper in {@code country} (alpha-2; null if unknown). */
    public QuietHours quietHoursFor(String country) {
        return country == null ? quietHours : quietHoursByCountry.getOrDefault(country, quietHours);
    }

    public Optional<FrequencyCap> capFor(ChannelType channel) {
        return Optional.ofNullable(frequencyCaps.get(channel));
    }

    public Duration reentryCooldownFor(String journey) {
        return reentryCooldownByJourney.getOrDefault(journey, reentryCooldown);
    }

    /** The shop's live guardrail chain: consent, recipient, frequency cap, quiet hours. */
    public GuardrailChain guardrails() {
        return GuardrailChain.live(frequencyCaps, quietHours, quietHoursByCountry, timeZone);
    }

    public ShopSettings withTimeZone(ZoneId zone) {
        return new ShopSettings(zone, quietHours, quietHoursByCountry, frequencyCaps, reentryCooldown,
                reentryCooldownByJourney);
    }

    public ShopSettings withQuietHours(QuietHours window) {
        return new ShopSettings(timeZone, window, quietHoursByCountry, frequencyCaps, reentryCooldown,
                reentryCooldownByJourney);
    }

    public ShopSettings withFrequencyCaps(Map<ChannelType, FrequencyCap> caps) {
        return new ShopSettings(timeZone, quietHours, quietHoursByCountry, caps, reentryCooldown,
                reentryCooldownByJourney);
    }

    public ShopSettings withReentryCooldown(Duration cooldown) {
        return new ShopSettings(timeZone, quietHours, quietHoursByCountry, frequencyCaps, cooldown,
                reentryCooldownByJourney);
    }
}
