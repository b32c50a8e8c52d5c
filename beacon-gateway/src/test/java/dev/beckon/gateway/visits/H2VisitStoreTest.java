package dev.beckon.gateway.visits;

import dev.beckon.api.testing.TestDatabases;

import javax.sql.DataSource;

/** The visit store on in-memory H2 in PostgreSQL mode. */
class H2VisitStoreTest extends VisitStoreContract {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
