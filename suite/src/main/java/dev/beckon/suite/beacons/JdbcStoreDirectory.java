package dev.beckon.suite.beacons;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.suite.beacons.BeaconViews.BeaconView;
import dev.beckon.suite.beacons.BeaconViews.ScannerView;
import dev.beckon.suite.beacons.BeaconViews.StoreView;
import dev.beckon.suite.beacons.BeaconViews.ZoneView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a shop's stores, zones, scanners and beacons for the merchant API (the gateway's pairing tables, with the
 * labels the suite keeps beside them) and writes those labels. Thread-safe; every call blocks on the database.
 */
@ApplicationScoped
public class JdbcStoreDirectory {

    @Inject
    DataSource dataSource;

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    public List<StoreView> stores(ShopId shop) {
        return query("SELECT s.store_id, s.name, l.time_zone FROM gateway_store s LEFT JOIN beacon_store_label l"
                        + " ON l.shop_id = s.shop_id AND l.store_id = s.store_id WHERE s.shop_id = ?"
                        + " ORDER BY s.created_at, s.store_id",
                row -> new StoreView(row.getString(1), row.getString(2), timeZone(row.getString(3))), shop.value());
    }

    public Optional<StoreView> store(ShopId shop, StoreId store) {
        return query("SELECT s.store_id, s.name, l.time_zone FROM gateway_store s LEFT JOIN beacon_store_label l"
                        + " ON l.shop_id = s.shop_id AND l.store_id = s.store_id WHERE s.shop_id = ? AND s.store_id = ?",
                row -> new StoreView(row.getString(1), row.getString(2), timeZone(row.getString(3))), shop.value(),
                store.value()).stream().findFirst();
    }

    public List<ZoneView> zones(ShopId shop, StoreId store) {
        return query("SELECT z.zone_id, l.name, z.enter_within_m, z.exit_beyond_m, z.x_m, z.y_m FROM gateway_zone z"
                        + " LEFT JOIN beacon_zone_label l ON l.shop_id = z.shop_id AND l.store_id = z.store_id"
                        + " AND l.zone_id = z.zone_id WHERE z.shop_id = ? AND z.store_id = ?"
                        + " ORDER BY z.created_at, z.zone_id",
                row -> new ZoneView(row.getString(1), row.getString(2) == null ? row.getString(1) : row.getString(2),
                        row.getDouble(3), row.getDouble(4), nullableDouble(row, 5), nullableDouble(row, 6)),
                shop.value(), store.value());
    }

    public List<ScannerView> scanners(ShopId shop, StoreId store) {
        return query("SELECT scanner_id, source, zone_id, external_name, rssi_at_1m, path_loss_exponent"
                        + " FROM gateway_scanner WHERE shop_id = ? AND store_id = ? ORDER BY scanner_id",
                row -> new ScannerView(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        nullableDouble(row, 5), row.getDouble(6)), shop.value(), store.value());
    }

    public List<BeaconView> beacons(ShopId shop, StoreId store) {
        // the EID table is joined only to tell the kind: its identity key is never read here
        return query("SELECT b.beacon_key, b.zone_id, b.rssi_at_1m, b.path_loss_exponent, e.beacon_key"
                        + " FROM gateway_beacon b LEFT JOIN gateway_eid_beacon e ON e.shop_id = b.shop_id"
                        + " AND e.store_id = b.store_id AND e.beacon_key = b.beacon_key"
                        + " WHERE b.shop_id = ? AND b.store_id = ? ORDER BY b.beacon_key",
                row -> new BeaconView(row.getString(1), row.getString(2), nullableDouble(row, 3), row.getDouble(4),
                        row.getString(5) == null ? "STATIC" : "EDDYSTONE_EID"),
                shop.value(), store.value());
    }

    public void labelStore(ShopId shop, StoreId store, String timeZone) {
        update("INSERT INTO beacon_store_label (shop_id, store_id, time_zone) VALUES (?, ?, ?)", shop.value(),
                store.value(), timeZone);
    }

    public void labelZone(ShopId shop, StoreId store, String zone, String name) {
        update("INSERT INTO beacon_zone_label (shop_id, store_id, zone_id, name) VALUES (?, ?, ?, ?)", shop.value(),
                store.value(), zone, name);
    }

    private static String timeZone(String stored) {
        return stored == null ? "UTC" : stored;
    }

    private static Double nullableDouble(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? null : value;
    }

    private <T> List<T> query(String sql, Row<T> reader, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the beacon registry failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setString(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the beacon registry failed: " + e.getMessage(), e);
        }
    }
}
