package dev.beckon.suite.unsubscribe;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** {@link EmailLinkStoresTest} on a real PostgreSQL (skipped with a reason where there is none, failed under CI). */
class EmailLinkStoresPostgresTest extends EmailLinkStoresTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource database() {
        return schemas.create();
    }
}
