package dev.beckon.gateway.apps;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** App installs on a real PostgreSQL; skipped visibly without one, failing under {@code CI=true}. */
class PostgresAppInstallsTest extends AppInstallsContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    protected DataSource dataSource() {
        return schemas.create();
    }
}
