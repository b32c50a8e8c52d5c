package dev.beckon.gateway.acl;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.gateway.pairing.JdbcPairingStore;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.ZoneDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static dev.beckon.gateway.StoreFixture.SHOP;
import static dev.beckon.gateway.StoreFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every database the credential store runs on must do; H2 and PostgreSQL extend it. */
abstract class CredentialStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private DataSource dataSource;
    private JdbcCredentialStore credentials;
    private BrokerAuthenticator authenticator;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        GatewaySchema.migrate(dataSource);
        JdbcPairingStore pairing = new JdbcPairingStore(dataSource, clock);
        pairing.registerStore(SHOP, STORE, "Berlin Mitte");
        pairing.defineZone(new ZoneDefinition(SHOP, STORE, StoreFixture.SHOES, 3, 6));
        pairing.registerScanner(new RegisteredScanner(StoreFixture.DOOR, ScannerSource.BECKON, null, null,
                Calibration.DEFAULT));
        pairing.registerScanner(new RegisteredScanner(StoreFixture.ESP_SHOES, ScannerSource.ESPRESENSE, "shoes",
                StoreFixture.SHOES, Calibration.DEFAULT));
        credentials = new JdbcCredentialStore(dataSource, clock);
        authenticator = new BrokerAuthenticator(credentials, "beckon-suite", "suite-secret");
    }

    @Test
    void anIssuedScannerCredentialAuthenticatesAsThatScanner() {
        IssuedCredential issued = credentials.issueForScanner(StoreFixture.ESP_SHOES).orElseThrow();

        assertThat(issued.username()).matches("s-[0-9a-f]{24}");
        assertThat(authenticator.authenticate(issued.username(), issued.password())).contains(
                new ClientIdentity.Scanner(StoreFixture.ESP_SHOES, ScannerSource.ESPRESENSE, "shoes"));
        assertThat(authenticator.authenticate(issued.username(), issued.password() + "x")).isEmpty();
        assertThat(authenticator.authenticate(issued.username(), (String) null)).isEmpty();
        assertThat(issued.toString()).doesNotContain(issued.password());
    }

    @Test
    void theSecretIsStoredOnlyAsItsHash() throws SQLException {
        IssuedCredential issued = credentials.issueForScanner(StoreFixture.DOOR).orElseThrow();

        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM gateway_mqtt_credential")) {
            assertThat(rows.next()).isTrue();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(rows.getObject(column))).doesNotContain(issued.password());
            }
        }
    }

    @Test
    void anUnregisteredScannerGetsNoCredentialAndUnknownUsersAreRefused() {
        assertThat(credentials.issueForScanner(new ScannerRef(SHOP, STORE, "ghost"))).isEmpty();
        assertThat(authenticator.authenticate("s-000000000000000000000000", "whatever")).isEmpty();
        assertThat(authenticator.authenticate(null, "whatever")).as("anonymous").isEmpty();
    }

    @Test
    void anAppInstallCredentialAuthenticatesAsThatInstall() {
        IssuedCredential issued = credentials.issueForAppInstall(SHOP, "install-42");

        assertThat(issued.username()).startsWith("a-");
        assertThat(authenticator.authenticate(issued.username(), issued.password()))
                .contains(new ClientIdentity.AppInstall(SHOP, "install-42"));
        assertThatThrownBy(() -> credentials.issueForAppInstall(SHOP, "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSuiteAccountIsCheckedInMemory() {
        assertThat(authenticator.authenticate("beckon-suite", "suite-secret")).contains(new ClientIdentity.Suite());
        assertThat(authenticator.authenticate("beckon-suite", "guess")).isEmpty();
    }

    @Test
    void aRevokedCredentialNoLongerAuthenticates() {
        IssuedCredential issued = credentials.issueForScanner(StoreFixture.DOOR).orElseThrow();

        assertThat(credentials.revoke(issued.username())).isTrue();
        assertThat(credentials.revoke(issued.username())).isFalse();
        assertThat(authenticator.authenticate(issued.username(), issued.password())).isEmpty();
    }
}
