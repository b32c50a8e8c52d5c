package dev.beckon.engine.journeys;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The guardrail flows on a real PostgreSQL. */
class GuardrailFlowPostgresTest extends GuardrailFlowTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource database() {
        return schemas.create();
    }
}
