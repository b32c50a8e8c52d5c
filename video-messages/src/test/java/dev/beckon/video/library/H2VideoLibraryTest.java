package dev.beckon.video.library;

import dev.beckon.api.testing.TestDatabases;
import javax.sql.DataSource;

/** The library's stores on H2 in PostgreSQL mode (the embedded default). */
class H2VideoLibraryTest extends VideoLibraryContract {

    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
