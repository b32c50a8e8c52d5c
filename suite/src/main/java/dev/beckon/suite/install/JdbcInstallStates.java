package dev.beckon.suite.install;

import dev.beckon.adapters.shopify.install.InstallStates;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Shopify install state nonces in the suite's database ({@code install_state}, migration V5), so the authorize
 * redirect and the callback of one install may reach different suite instances. Only the SHA-256 of a nonce is
 * stored. {@link #consume} is one atomic {@code DELETE ... WHERE state_hash = ? AND expires_at > ?}: of two
 * concurrent callbacks with the same nonce, at most one deletes the row and gets the shop. Works on H2 and
 * PostgreSQL. Thread-safe.
 */
public final class JdbcInstallStates implements InstallStates {

    private final Transactions tx;
    private final Clock clock;

    public JdbcInstallStates(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void remember(String state, ShopDomain shop, Instant expiresAt) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        tx.inTransaction(c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM install_state WHERE expires_at <= ?")) {
                Sql.setInstant(purge, 1, now);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO install_state (state_hash, shop_domain, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, hash(state));
                insert.setString(2, shop.value());
                Sql.setInstant(insert, 3, expiresAt);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<ShopDomain> consume(String state) {
        if (state == null || state.isEmpty() || state.length() > 512) {
            return Optional.empty();
        }
        String key = hash(state);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            String domain;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT shop_domain FROM install_state WHERE state_hash = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<ShopDomain>empty();
                    }
                    domain = row.getString(1);
                }
            }
            // the DELETE decides: only the caller whose DELETE removed the live row gets the shop
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM install_state WHERE state_hash = ? AND expires_at > ?")) {
                delete.setString(1, key);
                Sql.setInstant(delete, 2, now);
                if (delete.executeUpdate() != 1) {
                    return Optional.<ShopDomain>empty();
                }
            }
            return ShopDomain.validate(domain);
        });
    }

    static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
