package dev.beckon.gateway.ownership;

import dev.beckon.api.testing.TestDatabases;

import javax.sql.DataSource;

/** Store leases on in-memory H2 in PostgreSQL mode, the suite's embedded default. */
class H2StoreLeasesTest extends StoreLeasesContract {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
