package dev.beckon.suite.install;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** {@link InstallStoresTest} on a real PostgreSQL (skipped with a reason where there is none, failed under CI). */
class InstallStoresPostgresTest extends InstallStoresTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource database() {
        return schemas.create();
    }
}
