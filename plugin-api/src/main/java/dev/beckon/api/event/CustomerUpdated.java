package dev.beckon.api.event;

import dev.beckon.api.model.Shopper;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer was created or changed: name, contact, and the consents the platform sent with it.
 *
 * @param shopper   never null; its customer id is set
 * @param updatedAt never null
 */
public record CustomerUpdated(Shopper shopper, Instant updatedAt) implements EventPayload {

    public CustomerUpdated {
        Objects.requireNonNull(shopper, "shopper");
        Objects.requireNonNull(shopper.customer(), "shopper.customer");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
