package dev.beckon.gateway.visits;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The visit store on a real PostgreSQL; skipped visibly without one, failing under {@code CI=true}. */
class PostgresVisitStoreTest extends VisitStoreContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    protected DataSource dataSource() {
        return schemas.create();
    }
}
