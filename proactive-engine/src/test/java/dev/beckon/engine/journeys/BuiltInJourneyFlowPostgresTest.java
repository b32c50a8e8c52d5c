package dev.beckon.engine.journeys;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** The built-in journeys' flows on a real PostgreSQL. */
class BuiltInJourneyFlowPostgresTest extends BuiltInJourneyFlowTest {

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
