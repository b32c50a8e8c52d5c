package dev.beckon.adapters.admin;

import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;

import java.util.Objects;

/**
 * A customer's contact points and marketing consent as the platform holds them now.
 *
 * @param id           never null
 * @param email        null if the customer has none
 * @param phone        E.164 as the platform stores it; null if none
 * @param emailConsent marketing consent for email; never null ({@code UNKNOWN} when the platform keeps none)
 * @param smsConsent   marketing consent for SMS; never null ({@code UNKNOWN} when the platform keeps none)
 */
public record CustomerContact(CustomerId id, String email, String phone, Consent emailConsent, Consent smsConsent) {

    public CustomerContact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(emailConsent, "emailConsent");
        Objects.requireNonNull(smsConsent, "smsConsent");
    }
}
