package dev.beckon.video.library;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/**
 * The library's stores on a real PostgreSQL, in a fresh schema per test. Skipped visibly when PostgreSQL is not
 * reachable; fails instead under {@code CI=true}.
 */
class PostgresVideoLibraryTest extends VideoLibraryContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource dataSource() {
        return schemas.create();
    }
}
