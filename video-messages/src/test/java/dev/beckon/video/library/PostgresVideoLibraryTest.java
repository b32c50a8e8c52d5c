package dev.beckon.video.library;

import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/**
 * The library's stores on a real PostgreSQL, in a fresh schema per test. Skipped visibly when PostgreSQL is not
 * reachable; fails instead under {@code CI=true}.
 */
class PostgresVideoLibraryTest extends VideoLibraryContract {

    private PGSimpleDataSource pg;

    @Override
    DataSource dataSource() {
        pg = TestDatabases.postgres();
        return pg;
    }

    @AfterEach
    void drop() {
        if (pg != null) {
            TestDatabases.dropSchema(pg);
        }
    }
}
