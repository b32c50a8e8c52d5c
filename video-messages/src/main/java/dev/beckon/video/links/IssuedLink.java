package dev.beckon.video.links;

import java.util.Objects;

/**
 * A newly issued link token: the secret {@code token} to put in the URL ({@code /v/{token}}), which exists only
 * here, and the {@link LinkToken} kept about it. {@link #toString()} leaves the secret out, so it does not end up
 * in logs. Immutable and thread-safe.
 */
public record IssuedLink(String token, LinkToken record) {

    public IssuedLink {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(record, "record");
    }

    @Override
    public String toString() {
        return "IssuedLink[token=<redacted>, record=" + record + "]";
    }
}
