package dev.beckon.suite.shops;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** The suite's and the engine's migrations, and the shop store, on a real PostgreSQL. */
class ShopStorePostgresTest extends ShopStoreTest {

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
