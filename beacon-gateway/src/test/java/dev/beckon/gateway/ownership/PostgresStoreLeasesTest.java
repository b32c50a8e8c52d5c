package dev.beckon.gateway.ownership;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** Store leases on a real PostgreSQL; skipped visibly without one, failing under {@code CI=true}. */
class PostgresStoreLeasesTest extends StoreLeasesContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    protected DataSource dataSource() {
        return schemas.create();
    }
}
