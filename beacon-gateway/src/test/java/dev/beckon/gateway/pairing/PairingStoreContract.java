package dev.beckon.gateway.pairing;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.eid.EidBeacon;
import dev.beckon.gateway.eid.EidIdentity;
import dev.beckon.gateway.filter.PathLossModel;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

import static dev.beckon.gateway.StoreFixture.CHECKOUT;
import static dev.beckon.gateway.StoreFixture.ENTRANCE;
import static dev.beckon.gateway.StoreFixture.SHOES;
import static dev.beckon.gateway.StoreFixture.SHOP;
import static dev.beckon.gateway.StoreFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;

/** What every database the pairing store runs on must do; H2 and PostgreSQL extend it. */
abstract class PairingStoreContract {

    /** V1 pairing registry, V2 EID keys, zone positions, MQTT credentials and visits. */
    static final int MIGRATIONS = 4;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private JdbcPairingStore store;
    private DataSource dataSource;

    /** A fresh, empty database or schema for each test. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        assertThat(GatewaySchema.migrate(dataSource)).isEqualTo(MIGRATIONS);
        store = new JdbcPairingStore(dataSource, clock);
    }

    @Test
    void migratingAgainAppliesNothingAndKeepsItsOwnHistoryTable() throws SQLException {
        assertThat(GatewaySchema.migrate(dataSource)).isZero();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM gateway_schema_history WHERE success = TRUE"
                             + " AND version IN ('1', '2', '3', '4')")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(MIGRATIONS);
        }
    }

    @Test
    void aRegisteredStoreLoadsAsTheSnapshotThePipelineUses() {
        registerFixtureStore();

        PairingSnapshot snapshot = store.load();

        assertThat(snapshot.byExternalName(ScannerSource.ESPRESENSE, "shoes")).contains(StoreFixture.ESP_SHOES);
        assertThat(snapshot.byExternalName(ScannerSource.THEENGS, "TheengsGateway"))
                .contains(StoreFixture.THEENGS_ENTRANCE);
        assertThat(snapshot.byExternalName(ScannerSource.ESPRESENSE, "basement")).isEmpty();
        assertThat(snapshot.isRegistered(StoreFixture.APP)).isTrue();
        assertThat(snapshot.isRegistered(new ScannerRef(SHOP, STORE, "ghost"))).isFalse();
        StorePairing pairing = snapshot.store(SHOP, STORE).orElseThrow();
        assertThat(pairing.layout().orElseThrow().zones()).extracting(zone -> zone.id().value())
                .containsExactlyInAnyOrder("entrance", "shoes", "checkout");
        assertThat(pairing.beacon(StoreFixture.SHOES_BEACON)).hasValueSatisfying(marker -> {
            assertThat(marker.zone()).isEqualTo(SHOES);
            assertThat(marker.calibration().model(OptionalInt.empty()))
                    .isEqualTo(new PathLossModel(-61.5, 3.1));
        });
        assertThat(pairing.fixedScanner("esp-checkout")).hasValueSatisfying(marker -> {
            assertThat(marker.key()).isEqualTo(BeaconKey.scanner("esp-checkout"));
            assertThat(marker.zone()).isEqualTo(CHECKOUT);
        });
        assertThat(pairing.fixedScanner("app")).isEmpty();
        assertThat(pairing).isEqualTo(store.load().store(SHOP, STORE).orElseThrow());
    }

    @Test
    void anUncalibratedBeaconFallsBackToItsAdvertisedPowerThenTheDefault() {
        registerFixtureStore();

        StorePairing.Marker entrance = store.load().store(SHOP, STORE).orElseThrow()
                .beacon(StoreFixture.ENTRANCE_BEACON).orElseThrow();

        assertThat(entrance.calibration().model(OptionalInt.of(-65))).isEqualTo(new PathLossModel(-65, 2.7));
        assertThat(entrance.calibration().model(OptionalInt.empty())).isEqualTo(PathLossModel.DEFAULT);
    }

    @Test
    void duplicatesAreRefusedAsValues() {
        registerFixtureStore();

        assertThat(store.registerStore(SHOP, STORE, "again")).isEqualTo(Registration.DUPLICATE);
        assertThat(store.defineZone(new ZoneDefinition(SHOP, STORE, SHOES, 2, 4))).isEqualTo(Registration.DUPLICATE);
        assertThat(store.pairBeacon(new PairedBeacon(SHOP, STORE, StoreFixture.SHOES_BEACON, CHECKOUT,
                Calibration.DEFAULT))).isEqualTo(Registration.DUPLICATE);
        assertThat(store.registerScanner(new RegisteredScanner(new ScannerRef(SHOP, STORE, "esp-2"),
                ScannerSource.ESPRESENSE, "shoes", SHOES, Calibration.DEFAULT)))
                .as("an ESPresense room slug names one scanner per broker").isEqualTo(Registration.DUPLICATE);
    }

    @Test
    void referencesToMissingStoresOrZonesAreRefusedAsValues() {
        registerFixtureStore();
        StoreId paris = StoreId.of("paris");

        assertThat(store.defineZone(new ZoneDefinition(SHOP, paris, SHOES, 2, 4)))
                .isEqualTo(Registration.UNKNOWN_STORE_OR_ZONE);
        assertThat(store.pairBeacon(new PairedBeacon(SHOP, STORE, BeaconKey.ibeacon(UUID.randomUUID(), 1, 1),
                StoreZoneId.of("cellar"), Calibration.DEFAULT))).isEqualTo(Registration.UNKNOWN_STORE_OR_ZONE);
        assertThat(store.registerScanner(new RegisteredScanner(new ScannerRef(ShopId.of("other-shop"), STORE, "x"),
                ScannerSource.BECKON, null, null, Calibration.DEFAULT))).isEqualTo(Registration.UNKNOWN_STORE_OR_ZONE);
    }

    @Test
    void storesOfDifferentShopsAreSeparateEvenWithTheSameIds() {
        registerFixtureStore();
        ShopId other = ShopId.of("shop-2");
        assertThat(store.registerStore(other, STORE, "Other shop, same store id")).isEqualTo(Registration.CREATED);
        assertThat(store.defineZone(new ZoneDefinition(other, STORE, SHOES, 3, 6))).isEqualTo(Registration.CREATED);
        assertThat(store.pairBeacon(new PairedBeacon(other, STORE, StoreFixture.SHOES_BEACON, SHOES,
                Calibration.DEFAULT))).as("the same beacon id may exist in another shop").isEqualTo(Registration.CREATED);

        PairingSnapshot snapshot = store.load();

        assertThat(snapshot.store(other, STORE).orElseThrow().beacon(StoreFixture.ENTRANCE_BEACON)).isEmpty();
        assertThat(snapshot.store(SHOP, STORE).orElseThrow().beacon(StoreFixture.ENTRANCE_BEACON)).isPresent();
    }

    @Test
    void anUnpairedBeaconNoLongerCounts() {
        registerFixtureStore();

        assertThat(store.unpairBeacon(SHOP, STORE, StoreFixture.SHOES_BEACON)).isTrue();
        assertThat(store.unpairBeacon(SHOP, STORE, StoreFixture.SHOES_BEACON)).isFalse();

        assertThat(store.load().store(SHOP, STORE).orElseThrow().beacon(StoreFixture.SHOES_BEACON)).isEmpty();
    }

    @Test
    void theRegistrySwapsInANewSnapshotOnRefresh() {
        PairingRegistry registry = new PairingRegistry(store);
        assertThat(registry.isRegistered(StoreFixture.APP)).isFalse();

        registerFixtureStore();
        registry.refresh();

        assertThat(registry.isRegistered(StoreFixture.APP)).isTrue();
        assertThat(registry.get().store(SHOP, STORE)).isPresent();
    }

    @Test
    void zonePositionsAreKeptForTheSpeedCheck() {
        registerFixtureStore();
        StoreZoneId cafe = StoreZoneId.of("cafe");
        assertThat(store.defineZone(new ZoneDefinition(SHOP, STORE, cafe, 3, 6).at(12.5, -4.0)))
                .isEqualTo(Registration.CREATED);

        StorePairing pairing = store.load().store(SHOP, STORE).orElseThrow();

        assertThat(pairing.zone(cafe)).hasValueSatisfying(zone -> {
            assertThat(zone.xMetres()).isEqualTo(12.5);
            assertThat(zone.yMetres()).isEqualTo(-4.0);
        });
        assertThat(pairing.zone(SHOES)).hasValueSatisfying(zone -> assertThat(zone.xMetres()).isNull());
    }

    @Test
    void anEddystoneEidBeaconIsPairedUnderItsStableKeyAndItsIdentityLoadsForTheResolver() throws SQLException {
        registerFixtureStore();
        EidIdentity identity = EidIdentity.registeredAt("0102030405060708090a111213141516", 10, 0,
                clock.instant());
        PairedBeacon paired = new PairedBeacon(SHOP, STORE, identity.beaconKey(), CHECKOUT, Calibration.DEFAULT);

        assertThat(store.pairEidBeacon(paired, identity)).isEqualTo(Registration.CREATED);
        assertThat(store.pairEidBeacon(paired, identity)).isEqualTo(Registration.DUPLICATE);

        PairingSnapshot snapshot = store.load();
        assertThat(snapshot.eidBeacons()).containsExactly(new EidBeacon(SHOP, STORE, identity));
        assertThat(snapshot.store(SHOP, STORE).orElseThrow().beacon(identity.beaconKey()))
                .hasValueSatisfying(marker -> assertThat(marker.zone()).isEqualTo(CHECKOUT));
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM gateway_beacon")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(rows.getObject(column)))
                            .as("the beacon list never carries the identity key")
                            .doesNotContain("0102030405060708090a111213141516");
                }
            }
        }

        assertThat(store.unpairBeacon(SHOP, STORE, identity.beaconKey())).isTrue();
        assertThat(store.load().eidBeacons()).as("unpairing forgets the key").isEmpty();
    }

    private void registerFixtureStore() {
        assertThat(store.registerStore(SHOP, STORE, "Berlin Mitte")).isEqualTo(Registration.CREATED);
        for (StoreZoneId zone : new StoreZoneId[] {ENTRANCE, SHOES, CHECKOUT}) {
            assertThat(store.defineZone(new ZoneDefinition(SHOP, STORE, zone, 3, 6))).isEqualTo(Registration.CREATED);
        }
        assertThat(store.pairBeacon(new PairedBeacon(SHOP, STORE, StoreFixture.ENTRANCE_BEACON, ENTRANCE,
                Calibration.DEFAULT))).isEqualTo(Registration.CREATED);
        assertThat(store.pairBeacon(new PairedBeacon(SHOP, STORE, StoreFixture.SHOES_BEACON, SHOES,
                new Calibration(-61.5, 3.1)))).isEqualTo(Registration.CREATED);
        assertThat(store.registerScanner(new RegisteredScanner(StoreFixture.APP, ScannerSource.BECKON, null, null,
                Calibration.DEFAULT))).isEqualTo(Registration.CREATED);
        assertThat(store.registerScanner(new RegisteredScanner(StoreFixture.ESP_SHOES, ScannerSource.ESPRESENSE,
                "shoes", SHOES, StoreFixture.NODE_CALIBRATION))).isEqualTo(Registration.CREATED);
        assertThat(store.registerScanner(new RegisteredScanner(StoreFixture.ESP_CHECKOUT, ScannerSource.ESPRESENSE,
                "checkout", CHECKOUT, StoreFixture.NODE_CALIBRATION))).isEqualTo(Registration.CREATED);
        assertThat(store.registerScanner(new RegisteredScanner(StoreFixture.THEENGS_ENTRANCE, ScannerSource.THEENGS,
                "TheengsGateway", ENTRANCE, StoreFixture.NODE_CALIBRATION))).isEqualTo(Registration.CREATED);
    }
}
