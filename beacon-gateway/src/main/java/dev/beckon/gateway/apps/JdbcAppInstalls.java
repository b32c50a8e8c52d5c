package dev.beckon.gateway.apps;

import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.pairing.PairingStorageException;
import dev.beckon.gateway.pairing.Transactions;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop's store-app installs in {@code gateway_app_install}: the in-app opt-in and the device key fixed scanners
 * hear for the phone. A device key belongs to at most one install of a shop. Thread-safe: each call is one
 * transaction on its own connection and blocks on the database; failures are {@link PairingStorageException}s.
 */
public final class JdbcAppInstalls {

    /** What a registration did. */
    public enum Outcome {
        /** Stored (created or replaced). */
        REGISTERED,
        /** Not stored: another install of the shop already claims the device key. */
        DEVICE_CLAIMED
    }

    private final Transactions transactions;

    /** @param dataSource migrated with {@code GatewaySchema.migrate}; never null */
    public JdbcAppInstalls(DataSource dataSource) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), "app install");
    }

    /** Creates or replaces the install's registration, unless another install of the shop claims its device. */
    public Outcome register(AppInstall install) {
        Objects.requireNonNull(install, "install");
        return transactions.inTransaction(c -> {
            if (install.deviceKey() != null) {
                try (PreparedStatement claimed = c.prepareStatement("""
                        SELECT install_id FROM gateway_app_install
                        WHERE shop_id = ? AND device_key = ? AND install_id <> ?""")) {
                    claimed.setString(1, install.shop().value());
                    claimed.setString(2, install.deviceKey());
                    claimed.setString(3, install.installId());
                    try (ResultSet row = claimed.executeQuery()) {
                        if (row.next()) {
                            return Outcome.DEVICE_CLAIMED;
                        }
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE gateway_app_install SET device_key = ?, opted_in = ?, updated_at = ?
                    WHERE shop_id = ? AND install_id = ?""")) {
                update.setString(1, install.deviceKey());
                update.setBoolean(2, install.optedIn());
                update.setObject(3, time(install));
                update.setString(4, install.shop().value());
                update.setString(5, install.installId());
                if (update.executeUpdate() > 0) {
                    return Outcome.REGISTERED;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO gateway_app_install (shop_id, install_id, device_key, opted_in, updated_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                insert.setString(1, install.shop().value());
                insert.setString(2, install.installId());
                insert.setString(3, install.deviceKey());
                insert.setBoolean(4, install.optedIn());
                insert.setObject(5, time(install));
                insert.executeUpdate();
            }
            return Outcome.REGISTERED;
        });
    }

    /** The install's registration, if it registered. */
    public Optional<AppInstall> find(ShopId shop, String installId) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT shop_id, install_id, device_key, opted_in, updated_at FROM gateway_app_install
                    WHERE shop_id = ? AND install_id = ?""")) {
                select.setString(1, shop.value());
                select.setString(2, installId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    /** Every registered install of every shop (for {@link InstallDevices#replaceAll} at start). */
    public List<AppInstall> all() {
        return transactions.inTransaction(c -> {
            List<AppInstall> all = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT shop_id, install_id, device_key, opted_in, updated_at FROM gateway_app_install
                    ORDER BY shop_id, install_id""");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    all.add(read(row));
                }
            }
            return all;
        });
    }

    private static AppInstall read(ResultSet row) throws SQLException {
        return new AppInstall(ShopId.of(row.getString("shop_id")), row.getString("install_id"),
                row.getString("device_key"), row.getBoolean("opted_in"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime time(AppInstall install) {
        return install.updatedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
