package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.Shopper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code shopper} and {@code consent} shapes of the envelope:
 * <pre>{@code
 * "shopper": {"customer_id": "cus_01", "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com",
 *             "phone": "+4915112345678", "consents": [ <consent>, ... ]}
 * "consent": {"channel": "sms", "purpose": "marketing", "state": "subscribed", "source": "medusa:checkout",
 *             "updated_at": "2026-03-01T11:58:00Z"}
 * }</pre>
 * Every shopper field is optional; a consent the store does not state is left out, never assumed.
 */
final class ShopperMapping {

    /** The consent source when the store names none. */
    static final String DEFAULT_SOURCE = "standard-webhooks";

    private ShopperMapping() {
    }

    /** The {@code shopper} of {@code data}; an empty shopper if absent. */
    static Shopper shopper(JsonView data) {
        return data.object("shopper").map(ShopperMapping::shopperOf)
                .orElseGet(() -> new Shopper(null, null, null, null, null, List.of()));
    }

    /** The {@code shopper} of {@code data}, which must be there with a {@code customer_id}. */
    static Shopper customer(JsonView data) {
        JsonView shopper = data.requireObject("shopper");
        shopper.requireId("customer_id");
        return shopperOf(shopper);
    }

    private static Shopper shopperOf(JsonView shopper) {
        String customer = shopper.id("customer_id");
        List<JsonView> consentViews = shopper.objects("consents");
        List<Consent> consents = new ArrayList<>(consentViews.size());
        for (JsonView consent : consentViews) {
            consents.add(consent(consent));
        }
        return new Shopper(customer == null ? null : CustomerId.of(customer), shopper.string("first_name"),
                shopper.string("last_name"), shopper.string("email"), shopper.string("phone"), consents);
    }

    /** A {@code consent} object; {@code channel} and {@code state} are required, {@code purpose} defaults to marketing. */
    static Consent consent(JsonView consent) {
        ChannelType channel = enumValue(consent, "channel", ChannelType.class, null);
        Consent.Purpose purpose = enumValue(consent, "purpose", Consent.Purpose.class, Consent.Purpose.MARKETING);
        Consent.State state = enumValue(consent, "state", Consent.State.class, null);
        String source = Optional.ofNullable(consent.string("source")).orElse(DEFAULT_SOURCE);
        return new Consent(channel, purpose, state, source, consent.instant("updated_at"));
    }

    /**
     * A lower-case, snake-case enum name ({@code web_push}, {@code not_subscribed}).
     *
     * @param absent what an absent field means; null if it is required
     */
    private static <E extends Enum<E>> E enumValue(JsonView view, String name, Class<E> type, E absent) {
        String text = view.string(name);
        if (text == null) {
            if (absent == null) {
                throw new MalformedPayloadException(view.pathOf(name) + " is missing");
            }
            return absent;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(text)) {
                return candidate;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E candidate : type.getEnumConstants()) {
            allowed.add(candidate.name().toLowerCase(Locale.ROOT));
        }
        throw view.malformed(name, "is '" + Excerpt.of(text) + "', not one of " + String.join(", ", allowed));
    }
}
