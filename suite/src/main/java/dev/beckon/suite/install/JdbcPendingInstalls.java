package dev.beckon.suite.install;

import dev.beckon.adapters.woocommerce.install.PendingInstall;
import dev.beckon.adapters.woocommerce.install.PendingInstalls;
import dev.beckon.adapters.woocommerce.install.StoreUrl;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.persistence.Sql;
import dev.beckon.engine.persistence.Transactions;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * WooCommerce installs waiting for the store's key callback, in the suite's database ({@code woo_pending_install},
 * migration V5), one per shop: several suite instances share them. {@link #consume} is an atomic {@code DELETE}
 * of exactly the install that was found (its random {@code user_id} is new at every start), so a callback that races a restart, or a second callback, gets false.
 * Expired rows are purged whenever an install is saved. Thread-safe.
 */
public final class JdbcPendingInstalls implements PendingInstalls {

    private final Transactions tx;
    private final Clock clock;

    public JdbcPendingInstalls(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(PendingInstall install) {
        Objects.requireNonNull(install, "install");
        tx.inTransaction(c -> {
            try (PreparedStatement purge = c.prepareStatement(
                    "DELETE FROM woo_pending_install WHERE expires_at <= ? OR shop_id = ?")) {
                Sql.setInstant(purge, 1, clock.instant());
                purge.setString(2, install.shop().value());
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO woo_pending_install (shop_id, store_url, user_id, expires_at)
                    VALUES (?, ?, ?, ?)""")) {
                insert.setString(1, install.shop().value());
                insert.setString(2, install.store().value().toString());
                insert.setString(3, install.userId());
                Sql.setInstant(insert, 4, install.expiresAt());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<PendingInstall> find(ShopId shop) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT store_url, user_id, expires_at FROM woo_pending_install WHERE shop_id = ?")) {
                select.setString(1, shop.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PendingInstall(shop, new StoreUrl(URI.create(row.getString("store_url"))),
                            row.getString("user_id"), Sql.getInstant(row, "expires_at")));
                }
            }
        });
    }

    @Override
    public boolean consume(PendingInstall install) {
        Objects.requireNonNull(install, "install");
        return tx.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM woo_pending_install
                    WHERE shop_id = ? AND user_id = ?""")) {
                delete.setString(1, install.shop().value());
                delete.setString(2, install.userId());
                return delete.executeUpdate() == 1;
            }
        });
    }
}
