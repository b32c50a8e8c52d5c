package dev.beckon.engine.channels.email;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach the SMTP relay that sends the shops' e-mail.
 *
 * @param host     the relay's host name; empty if not configured
 * @param port     the relay's port (587 for STARTTLS, 465 for SMTPS, 25 without TLS)
 * @param username the login; empty to send without authentication
 * @param password the login's secret; never logged
 * @param from     the sender, an address with an optional display name ({@code Beckon <shop@example.com>});
 *                 empty if not configured
 * @param security how the connection is protected
 * @param timeout  for connecting, reading and writing, each; positive
 */
public record SmtpSettings(String host, int port, String username, String password, String from,
                           Security security, Duration timeout) {

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain SMTP (a relay on the same host, tests). */
        NONE,
        /** Plain connect, then STARTTLS, which the server must offer. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465). */
        SSL;

        /** Reads {@code none}, {@code starttls} or {@code ssl}, in any case. */
        public static Security parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("must be none, starttls or ssl, got '" + value + "'", e);
            }
        }
    }

    public SmtpSettings {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        from = from == null ? "" : from.strip();
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** True if the relay and the sender are set. */
    public boolean configured() {
        return !host.isEmpty() && !from.isEmpty();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password=<hidden>, from="
                + from + ", security=" + security + ", timeout=" + timeout + "]";
    }
}
