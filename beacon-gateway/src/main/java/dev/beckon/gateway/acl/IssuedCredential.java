package dev.beckon.gateway.acl;

import java.util.Objects;

/**
 * A newly issued MQTT credential. The password is shown once, here: only its SHA-256 is stored, so it cannot be
 * read back. Immutable; {@link #toString()} hides the password.
 *
 * @param username the MQTT username to configure on the scanner or app; never null
 * @param password the MQTT password; never null
 */
public record IssuedCredential(String username, String password) {

    public IssuedCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "IssuedCredential[username=" + username + ", password=(hidden)]";
    }
}
