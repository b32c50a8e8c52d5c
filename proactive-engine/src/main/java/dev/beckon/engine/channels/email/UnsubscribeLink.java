package dev.beckon.engine.channels.email;

import java.net.URI;
import java.util.Objects;

/**
 * Where a shopper stops a shop's marketing e-mail with one click (RFC 8058): the {@code List-Unsubscribe} header's
 * targets.
 *
 * @param oneClick the HTTPS address a mail client POSTs {@code List-Unsubscribe=One-Click} to; never null
 * @param mailto   an address that unsubscribes the sender of a mail sent to it; null if there is none
 */
public record UnsubscribeLink(URI oneClick, String mailto) {

    public UnsubscribeLink {
        Objects.requireNonNull(oneClick, "oneClick");
        mailto = mailto == null || mailto.isBlank() ? null : mailto.strip();
    }

    /** The {@code List-Unsubscribe} header value: {@code <https://…>} and, if set, {@code <mailto:…>}. */
    public String headerValue() {
        return "<" + oneClick + ">" + (mailto == null ? "" : ", <mailto:" + mailto + ">");
    }
}
