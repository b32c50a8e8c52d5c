package dev.beckon.api.event;

import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;

import java.util.Objects;

/**
 * One consent changed: on the platform, by an inbound STOP/START, or by an in-app opt-in.
 *
 * @param customer null if the shopper is known only by address
 * @param address  the email address or phone number the consent is for; null if only the customer is known
 * @param consent  never null
 */
public record ConsentChanged(CustomerId customer, String address, Consent consent) implements EventPayload {

    public ConsentChanged {
        Objects.requireNonNull(consent, "consent");
        if (customer == null && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("a consent change needs a customer or an address");
        }
    }
}
