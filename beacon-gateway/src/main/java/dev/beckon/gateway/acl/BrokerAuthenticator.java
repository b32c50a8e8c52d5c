package dev.beckon.gateway.acl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a CONNECT's username and password into a {@link ClientIdentity}: the suite's own service account
 * (configured, compared in constant time), else a scanner or app-install credential of the
 * {@link JdbcCredentialStore}. Anonymous clients (no username) are refused.
 *
 * <p>Thread-safe. Blocks on the database for non-suite usernames; a broker calls it once per connection, not
 * per message. A database failure is a {@code PairingStorageException}; the broker should refuse the connection.
 */
public final class BrokerAuthenticator {

    private final JdbcCredentialStore credentials;
    private final String suiteUsername;
    private final byte[] suitePasswordSha256;

    /**
     * @param credentials   never null
     * @param suiteUsername the suite's own MQTT username; never null or blank
     * @param suitePassword its password; never null or empty
     */
    public BrokerAuthenticator(JdbcCredentialStore credentials, String suiteUsername, String suitePassword) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (suiteUsername == null || suiteUsername.isBlank() || suitePassword == null || suitePassword.isEmpty()) {
            throw new IllegalArgumentException("the suite's MQTT username and password are required");
        }
        this.suiteUsername = suiteUsername;
        this.suitePasswordSha256 = JdbcCredentialStore.sha256(suitePassword.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param username as sent in CONNECT; null for an anonymous client
     * @param password as sent in CONNECT (MQTT passwords are binary); null when absent
     * @return the identity, or empty when the client must be refused
     */
    public Optional<ClientIdentity> authenticate(String username, byte[] password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        if (suiteUsername.equals(username)) {
            return MessageDigest.isEqual(suitePasswordSha256, JdbcCredentialStore.sha256(password))
                    ? Optional.of(new ClientIdentity.Suite()) : Optional.empty();
        }
        return credentials.authenticate(username, password);
    }

    /** {@link #authenticate(String, byte[])} with a text password (UTF-8). */
    public Optional<ClientIdentity> authenticate(String username, String password) {
        return authenticate(username, password == null ? null : password.getBytes(StandardCharsets.UTF_8));
    }
}
