package dev.beckon.gateway.acl;

import dev.beckon.api.testing.TestDatabases;

import javax.sql.DataSource;

/** The credential store on in-memory H2 in PostgreSQL mode. */
class H2CredentialStoreTest extends CredentialStoreContract {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
