package dev.beckon.engine.journeys;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** The same flows on a real PostgreSQL, so the migrations and SKIP LOCKED claims are proven there too. */
class AbandonedCheckoutFlowPostgresTest extends AbandonedCheckoutFlowTest {

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
