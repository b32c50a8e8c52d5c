package dev.beckon.engine.journeys;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The batched decision and timer writes on a real PostgreSQL (its driver's batch counts and ON CONFLICT). */
class DeferredWritesPostgresTest extends DeferredWritesTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource database() {
        return schemas.create();
    }
}
