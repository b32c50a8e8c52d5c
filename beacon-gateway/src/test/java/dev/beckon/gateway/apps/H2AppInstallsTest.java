package dev.beckon.gateway.apps;

import dev.beckon.api.testing.TestDatabases;

import javax.sql.DataSource;

/** App installs on in-memory H2 in PostgreSQL mode. */
class H2AppInstallsTest extends AppInstallsContract {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
