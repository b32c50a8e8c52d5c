package dev.beckon.suite.unsubscribe;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** {@link EmailLinkStoresTest} on a real PostgreSQL (skipped with a reason where there is none, failed under CI). */
class EmailLinkStoresPostgresTest extends EmailLinkStoresTest {

    private PGSimpleDataSource postgres;

    @Override
    DataSource database() {
        postgres = TestDatabases.postgres();
        return postgres;
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            TestDatabases.dropSchema(postgres);
        }
    }
}
