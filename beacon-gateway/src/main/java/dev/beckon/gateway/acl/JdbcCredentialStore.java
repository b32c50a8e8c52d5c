package dev.beckon.gateway.acl;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.pairing.PairingStorageException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * MQTT credentials of scanners and app installs in the gateway's table {@code gateway_mqtt_credential}. The
 * gateway issues both halves: the username is {@code s-} (scanner) or {@code a-} (app install) and 24 random hex
 * digits, the password 32 random bytes (base64url). Only the password's SHA-256 is stored: a fast hash is
 * the right tool for a 256-bit random secret (there is nothing to brute-force), unlike a person's password.
 *
 * <p>Thread-safe: each call is one statement on its own connection, and blocks on the database. Failures are
 * {@link PairingStorageException}s.
 */
public final class JdbcCredentialStore {

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String H2_PARENT_MISSING = "23506";
    private static final int MAX_INSTALL_ID = 200;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param dataSource migrated with {@code GatewaySchema.migrate}; never null
     * @param clock      stamps {@code created_at}; never null
     */
    public JdbcCredentialStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues a new credential for a registered scanner (a scanner may hold several, e.g. while rotating).
     *
     * @return the credential, or empty when the scanner is not registered
     */
    public Optional<IssuedCredential> issueForScanner(ScannerRef scanner) {
        Objects.requireNonNull(scanner, "scanner");
        return issue("s-", "SCANNER", scanner.shop(), scanner.store().value(), scanner.scannerId(), null);
    }

    /**
     * Issues a new credential for one app install of a shop.
     *
     * @param installId 1-200 characters usable as one MQTT topic level (no {@code /}, {@code +}, {@code #}, not
     *                  starting with {@code $})
     * @throws IllegalArgumentException for any other install id
     */
    public IssuedCredential issueForAppInstall(ShopId shop, String installId) {
        Objects.requireNonNull(shop, "shop");
        if (!isInstallId(installId)) {
            throw new IllegalArgumentException("an install id is 1-200 characters without '/', '+', '#' or a"
                    + " leading '$'");
        }
        return issue("a-", "APP", shop, null, null, installId).orElseThrow();
    }

    /** Whether {@code installId} can be used as an app install id (one MQTT topic level). */
    public static boolean isInstallId(String installId) {
        return installId != null && !installId.isBlank() && installId.length() <= MAX_INSTALL_ID
                && installId.indexOf('/') < 0 && installId.indexOf('+') < 0 && installId.indexOf('#') < 0
                && !installId.startsWith("$") && installId.indexOf('\0') < 0;
    }

    /** Revokes a credential; connected clients keep their session until they reconnect. @return whether it existed */
    public boolean revoke(String username) {
        return update("DELETE FROM gateway_mqtt_credential WHERE username = ?", username) == 1;
    }

    /**
     * Checks a username and password.
     *
     * @return the identity, or empty for an unknown username, a wrong password, or a scanner no longer registered
     */
    public Optional<ClientIdentity> authenticate(String username, byte[] password) {
        if (username == null || password == null || username.length() > 64) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT c.kind, c.shop_id, c.store_id,"
                     + " c.scanner_id, c.install_id, c.secret_sha256, s.source, s.external_name"
                     + " FROM gateway_mqtt_credential c LEFT JOIN gateway_scanner s ON s.shop_id = c.shop_id"
                     + " AND s.store_id = c.store_id AND s.scanner_id = c.scanner_id WHERE c.username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !MessageDigest.isEqual(HEX.parseHex(row.getString(6)), sha256(password))) {
                    return Optional.empty();
                }
                ShopId shop = ShopId.of(row.getString(2));
                if ("APP".equals(row.getString(1))) {
                    return Optional.of(new ClientIdentity.AppInstall(shop, row.getString(5)));
                }
                ScannerSource source = source(row.getString(7));
                if (source == null) {
                    return Optional.empty();
                }
                return Optional.of(new ClientIdentity.Scanner(new ScannerRef(shop, StoreId.of(row.getString(3)),
                        row.getString(4)), source, row.getString(8)));
            }
        } catch (SQLException e) {
            throw new PairingStorageException("checking MQTT credential " + username + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** SHA-256 of a password's bytes. */
    static byte[] sha256(byte[] password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private Optional<IssuedCredential> issue(String prefix, String kind, ShopId shop, String store, String scanner,
                                             String installId) {
        byte[] name = new byte[12];
        byte[] secret = new byte[32];
        random.nextBytes(name);
        random.nextBytes(secret);
        String username = prefix + HEX.formatHex(name);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            update("INSERT INTO gateway_mqtt_credential (username, kind, shop_id, store_id, scanner_id, install_id,"
                            + " secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", username, kind,
                    shop.value(), store, scanner, installId,
                    HEX.formatHex(sha256(password.getBytes(StandardCharsets.UTF_8))),
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        } catch (PairingStorageException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.sqlState()) || H2_PARENT_MISSING.equals(e.sqlState())) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new IssuedCredential(username, password));
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PairingStorageException("MQTT credential update failed: " + e.getMessage(), e);
        }
    }

    private static ScannerSource source(String text) {
        for (ScannerSource source : ScannerSource.values()) {
            if (source.name().equals(text)) {
                return source;
            }
        }
        return null;
    }
}
