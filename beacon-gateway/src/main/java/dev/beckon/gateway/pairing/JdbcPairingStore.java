package dev.beckon.gateway.pairing;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.eid.EidBeacon;
import dev.beckon.gateway.eid.EidIdentity;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The pairing registry in the database (tables of {@link GatewaySchema}): stores, their zones, their scanners,
 * and beacons paired to zones with calibration. Every row carries its shop id; duplicates are refused by unique
 * constraints and reported as {@link Registration#DUPLICATE}, references to missing stores or zones as
 * {@link Registration#UNKNOWN_STORE_OR_ZONE}.
 *
 * <p>Thread-safe: each call is one transaction on its own connection. Calls block on the database.
 *
 * @see PairingRegistry for the in-memory view the ingest path reads
 */
public final class JdbcPairingStore {

    private static final System.Logger LOG = System.getLogger(JdbcPairingStore.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's foreign-key violation; H2 says 23506 when the referenced row is missing. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String H2_PARENT_MISSING = "23506";

    private final Transactions transactions;
    private final Clock clock;

    /**
     * @param dataSource migrated with {@link GatewaySchema#migrate}; never null
     * @param clock      stamps {@code created_at}; never null
     */
    public JdbcPairingStore(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), "pairing");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers a store. @param name shown to staff; not blank, at most 200 characters */
    public Registration registerStore(ShopId shop, StoreId store, String name) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(store, "store");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("store name must be 1-200 characters");
        }
        return insert("INSERT INTO gateway_store (shop_id, store_id, name, created_at) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, shop.value());
                    statement.setString(2, store.value());
                    statement.setString(3, name.strip());
                    now(statement, 4);
                });
    }

    /** Defines a zone of a registered store. */
    public Registration defineZone(ZoneDefinition zone) {
        Objects.requireNonNull(zone, "zone");
        return insert("INSERT INTO gateway_zone (shop_id, store_id, zone_id, enter_within_m, exit_beyond_m,"
                + " created_at, x_m, y_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, zone.shop().value());
                    statement.setString(2, zone.store().value());
                    statement.setString(3, zone.zone().value());
                    statement.setDouble(4, zone.enterWithinMetres());
                    statement.setDouble(5, zone.exitBeyondMetres());
                    now(statement, 6);
                    statement.setObject(7, zone.xMetres(), Types.DOUBLE);
                    statement.setObject(8, zone.yMetres(), Types.DOUBLE);
                });
    }

    /** Registers a scanner of a registered store (and zone, for a fixed scanner). */
    public Registration registerScanner(RegisteredScanner scanner) {
        Objects.requireNonNull(scanner, "scanner");
        return insert("INSERT INTO gateway_scanner (shop_id, store_id, scanner_id, source, external_name, zone_id,"
                + " rssi_at_1m, path_loss_exponent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, scanner.scanner().shop().value());
                    statement.setString(2, scanner.scanner().store().value());
                    statement.setString(3, scanner.scanner().scannerId());
                    statement.setString(4, scanner.source().name());
                    statement.setString(5, scanner.externalName());
                    statement.setString(6, scanner.zone() == null ? null : scanner.zone().value());
                    calibration(statement, 7, scanner.calibration());
                    now(statement, 9);
                });
    }

    /** Pairs a beacon with a zone of a registered store. */
    public Registration pairBeacon(PairedBeacon beacon) {
        Objects.requireNonNull(beacon, "beacon");
        return insert("INSERT INTO gateway_beacon (shop_id, store_id, beacon_key, zone_id, rssi_at_1m,"
                + " path_loss_exponent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, beacon.shop().value());
                    statement.setString(2, beacon.store().value());
                    statement.setString(3, beacon.beacon().value());
                    statement.setString(4, beacon.zone().value());
                    calibration(statement, 5, beacon.calibration());
                    now(statement, 7);
                });
    }

    /**
     * Pairs an Eddystone-EID beacon with a zone and stores its identity key, in one transaction. The beacon is
     * paired under its stable key {@link EidIdentity#beaconKey()}; the identity key is read back only by
     * {@link #load()} for the resolver, never by a list query.
     *
     * @param beacon   the pairing, whose {@code beacon()} must be {@code identity.beaconKey()}
     * @param identity the beacon's identity key, rotation exponent and counter offset
     * @throws IllegalArgumentException when the keys differ
     */
    public Registration pairEidBeacon(PairedBeacon beacon, EidIdentity identity) {
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(identity, "identity");
        if (!beacon.beacon().equals(identity.beaconKey())) {
            throw new IllegalArgumentException("an Eddystone-EID beacon is paired under " + identity.beaconKey()
                    + ", not " + beacon.beacon());
        }
        return insert(new Insert("INSERT INTO gateway_beacon (shop_id, store_id, beacon_key, zone_id, rssi_at_1m,"
                + " path_loss_exponent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, beacon.shop().value());
                    statement.setString(2, beacon.store().value());
                    statement.setString(3, beacon.beacon().value());
                    statement.setString(4, beacon.zone().value());
                    calibration(statement, 5, beacon.calibration());
                    now(statement, 7);
                }), new Insert("INSERT INTO gateway_eid_beacon (shop_id, store_id, beacon_key, identity_key,"
                + " rotation_exponent, counter_zero_epoch_s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, beacon.shop().value());
                    statement.setString(2, beacon.store().value());
                    statement.setString(3, beacon.beacon().value());
                    statement.setString(4, identity.identityKeyHex());
                    statement.setInt(5, identity.rotationExponent());
                    statement.setLong(6, identity.counterZeroEpochSecond());
                    now(statement, 7);
                }));
    }

    /** @return whether the beacon was paired with the store */
    public boolean unpairBeacon(ShopId shop, StoreId store, BeaconKey beacon) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM gateway_beacon WHERE shop_id = ? AND store_id = ? AND beacon_key = ?")) {
                delete.setString(1, shop.value());
                delete.setString(2, store.value());
                delete.setString(3, beacon.value());
                return delete.executeUpdate() == 1;
            }
        });
    }

    /**
     * Reads the whole registry in one transaction. Rows a newer gateway wrote that this one cannot read (an
     * unknown source, a beacon key it does not know) are skipped with a warning.
     */
    public PairingSnapshot load() {
        return transactions.inTransaction(connection -> {
            PairingSnapshot.Builder builder = PairingSnapshot.builder();
            query(connection, "SELECT shop_id, store_id FROM gateway_store ORDER BY shop_id, store_id",
                    row -> builder.store(ShopId.of(row.getString(1)), StoreId.of(row.getString(2))));
            query(connection, "SELECT shop_id, store_id, zone_id, enter_within_m, exit_beyond_m, x_m, y_m"
                    + " FROM gateway_zone ORDER BY shop_id, store_id, created_at, zone_id",
                    row -> builder.zone(new ZoneDefinition(ShopId.of(row.getString(1)), StoreId.of(row.getString(2)),
                            StoreZoneId.of(row.getString(3)), row.getDouble(4), row.getDouble(5),
                            nullableDouble(row, 6), nullableDouble(row, 7))));
            query(connection, "SELECT shop_id, store_id, scanner_id, source, external_name, zone_id, rssi_at_1m,"
                    + " path_loss_exponent FROM gateway_scanner ORDER BY shop_id, store_id, scanner_id", row -> {
                        ScannerSource source = source(row.getString(4));
                        if (source == null) {
                            return;
                        }
                        String zone = row.getString(6);
                        builder.scanner(new RegisteredScanner(
                                new ScannerRef(ShopId.of(row.getString(1)), StoreId.of(row.getString(2)),
                                        row.getString(3)),
                                source, row.getString(5), zone == null ? null : StoreZoneId.of(zone),
                                calibration(row, 7)));
                    });
            query(connection, "SELECT shop_id, store_id, beacon_key, zone_id, rssi_at_1m, path_loss_exponent"
                    + " FROM gateway_beacon ORDER BY shop_id, store_id, beacon_key", row -> {
                        String key = row.getString(3);
                        var beacon = BeaconKey.parse(key);
                        if (beacon.isEmpty()) {
                            LOG.log(System.Logger.Level.WARNING, "skipping unreadable beacon key {0}", key);
                            return;
                        }
                        builder.beacon(new PairedBeacon(ShopId.of(row.getString(1)), StoreId.of(row.getString(2)),
                                beacon.get(), StoreZoneId.of(row.getString(4)), calibration(row, 5)));
                    });
            query(connection, "SELECT shop_id, store_id, identity_key, rotation_exponent, counter_zero_epoch_s"
                    + " FROM gateway_eid_beacon ORDER BY shop_id, store_id, beacon_key", row -> {
                        try {
                            builder.eidBeacon(new EidBeacon(ShopId.of(row.getString(1)), StoreId.of(row.getString(2)),
                                    new EidIdentity(HexFormat.of().parseHex(row.getString(3)), row.getInt(4),
                                            row.getLong(5))));
                        } catch (IllegalArgumentException e) {
                            LOG.log(System.Logger.Level.WARNING, "skipping unreadable Eddystone-EID beacon of store"
                                    + " {0}/{1}: {2}", row.getString(1), row.getString(2), e.getMessage());
                        }
                    });
            return builder.build();
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private record Insert(String sql, Binder binder) {
    }

    private Registration insert(String sql, Binder binder) {
        return insert(new Insert(sql, binder));
    }

    private Registration insert(Insert... inserts) {
        try {
            return transactions.inTransaction(connection -> {
                for (Insert each : inserts) {
                    try (PreparedStatement insert = connection.prepareStatement(each.sql())) {
                        each.binder().bind(insert);
                        insert.executeUpdate();
                    }
                }
                return Registration.CREATED;
            });
        } catch (PairingStorageException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return Registration.DUPLICATE;
            }
            if (FOREIGN_KEY_VIOLATION.equals(e.sqlState()) || H2_PARENT_MISSING.equals(e.sqlState())) {
                return Registration.UNKNOWN_STORE_OR_ZONE;
            }
            throw e;
        }
    }

    private static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    private void now(PreparedStatement statement, int index) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static void calibration(PreparedStatement statement, int index, Calibration calibration)
            throws SQLException {
        if (calibration.rssiAt1m() == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, calibration.rssiAt1m());
        }
        statement.setDouble(index + 1, calibration.pathLossExponent());
    }

    private static Double nullableDouble(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? null : value;
    }

    private static Calibration calibration(ResultSet row, int index) throws SQLException {
        double rssiAt1m = row.getDouble(index);
        Double reference = row.wasNull() ? null : rssiAt1m;
        return new Calibration(reference, row.getDouble(index + 1));
    }

    private static ScannerSource source(String text) {
        for (ScannerSource source : ScannerSource.values()) {
            if (source.name().equals(text)) {
                return source;
            }
        }
        LOG.log(System.Logger.Level.WARNING, "skipping scanner of unknown source {0}", text);
        return null;
    }
}
