package dev.beckon.suite.unsubscribe;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The unsubscribe tokens of marketing e-mail in the suite's database ({@code email_unsubscribe}, migration V6, email_links): 128
 * random bits per message, URL-safe (22 characters), so a link can be neither guessed nor read back to an address.
 * Asking twice for the same message's token gives the same token, also from two instances at once. Works on H2 and
 * PostgreSQL. Blocks on the database. Thread-safe.
 */
public final class JdbcUnsubscribeLinks {

    /** Whom a link unsubscribes. */
    public record Recipient(ShopId shop, String address, Instant usedAt) {
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final Transactions tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcUnsubscribeLinks(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The message's token, made on the first call. */
    public String tokenFor(ShopId shop, String messageId, String address) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(address, "address");
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return tx.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO email_unsubscribe (token, message_id, shop_id, address, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, fresh);
                insert.setString(2, messageId);
                insert.setString(3, shop.value());
                insert.setString(4, address.strip());
                Sql.setInstant(insert, 5, clock.instant());
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT token FROM email_unsubscribe WHERE message_id = ?")) {
                select.setString(1, messageId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString("token");
                }
            }
        });
    }

    /** Whom the token unsubscribes; empty for a token that is malformed or was never given out. */
    public Optional<Recipient> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT shop_id, address, used_at FROM email_unsubscribe WHERE token = ?")) {
                select.setString(1, token);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Recipient(ShopId.of(row.getString("shop_id")),
                            row.getString("address"), Sql.getInstant(row, "used_at"))) : Optional.empty();
                }
            }
        });
    }

    /** Notes when the link was first used. */
    public void used(String token, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE email_unsubscribe SET used_at = ? WHERE token = ? AND used_at IS NULL")) {
                Sql.setInstant(update, 1, at);
                update.setString(2, token);
                return update.executeUpdate();
            }
        });
    }
}
