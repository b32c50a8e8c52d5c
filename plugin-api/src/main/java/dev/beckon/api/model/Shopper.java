package dev.beckon.api.model;

import java.util.List;
import java.util.Optional;

/**
 * What an event tells about the shopper it concerns. Kept to what a journey needs: name, contact, consent.
 *
 * @param customer  the platform customer; null for a guest
 * @param firstName null if unknown
 * @param lastName  null if unknown
 * @param email     null if unknown
 * @param phone     as the platform gave it (E.164 where the platform normalises); null if unknown
 * @param consents  the consents the event carried; never null, may be empty (which means "unknown", not "no")
 */
public record Shopper(CustomerId customer, String firstName, String lastName, String email, String phone,
                      List<Consent> consents) {

    public Shopper {
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
        email = blankToNull(email);
        phone = blankToNull(phone);
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    /** The marketing consent for that channel, if the event carried one. */
    public Optional<Consent> marketingConsent(ChannelType channel) {
        return consents.stream()
                .filter(c -> c.channel() == channel && c.purpose() == Consent.Purpose.MARKETING)
                .findFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
