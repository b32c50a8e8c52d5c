package dev.beckon.engine.journeys;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The same flows on a real PostgreSQL, so the migrations and SKIP LOCKED claims are proven there too. */
class AbandonedCheckoutFlowPostgresTest extends AbandonedCheckoutFlowTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource database() {
        return schemas.create();
    }
}
