package dev.beckon.gateway.pairing;

import dev.beckon.api.testing.TestDatabases;
import javax.sql.DataSource;

/** The pairing store on in-memory H2 in PostgreSQL mode (the suite's embedded default). */
class H2PairingStoreTest extends PairingStoreContract {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }
}
