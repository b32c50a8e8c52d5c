package dev.beckon.gateway.ownership;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** Store leases on a real PostgreSQL; skipped visibly without one, failing under {@code CI=true}. */
class PostgresStoreLeasesTest extends StoreLeasesContract {

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
