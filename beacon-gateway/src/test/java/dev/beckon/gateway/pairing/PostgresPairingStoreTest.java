package dev.beckon.gateway.pairing;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/**
 * The pairing store on a real PostgreSQL, in a fresh schema dropped afterwards. Skipped visibly when PostgreSQL
 * is unreachable; fails under {@code CI=true}.
 */
class PostgresPairingStoreTest extends PairingStoreContract {

    private PGSimpleDataSource postgres;

    @Override
    protected DataSource dataSource() {
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
