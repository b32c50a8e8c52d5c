package dev.beckon.suite.clicks;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tracked links in the suite's database ({@code click_link}, migration V6): a 10-character random token (60 bits,
 * letters and digits) per message and URL, short enough for SMS. Asking twice for the same message and URL gives
 * the same token, also from two instances at once. Works on H2 and PostgreSQL. Blocks on the database. Thread-safe.
 */
public final class JdbcClickLinks {

    /** Where a token leads and which message it belongs to. */
    public record Target(String messageId, ShopId shop, String url) {
    }

    static final int TOKEN_LENGTH = 10;
    static final int MAX_URL = 4096;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{" + TOKEN_LENGTH + "}");

    private final Transactions tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcClickLinks(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The token of this URL in this message, made on the first call. */
    public String tokenFor(ShopId shop, String messageId, String url) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(messageId, "messageId");
        if (url.length() > MAX_URL) {
            throw new IllegalArgumentException("a link longer than " + MAX_URL + " characters cannot be tracked");
        }
        String fresh = fresh();
        String hash = sha256(url);
        return tx.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO click_link (token, message_id, shop_id, url, url_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, fresh);
                insert.setString(2, messageId);
                insert.setString(3, shop.value());
                insert.setString(4, url);
                insert.setString(5, hash);
                Sql.setInstant(insert, 6, clock.instant());
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT token FROM click_link WHERE message_id = ? AND url_hash = ?")) {
                select.setString(1, messageId);
                select.setString(2, hash);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString("token");
                }
            }
        });
    }

    /** The link's target; empty for a token that is malformed or was never given out. */
    public Optional<Target> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT message_id, shop_id, url FROM click_link WHERE token = ?")) {
                select.setString(1, token);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Target(row.getString("message_id"),
                            ShopId.of(row.getString("shop_id")), row.getString("url"))) : Optional.empty();
                }
            }
        });
    }

    private static String sha256(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private String fresh() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(token);
    }
}
