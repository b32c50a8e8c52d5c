package dev.beckon.gateway.pairing;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/**
 * The pairing store on a real PostgreSQL, in a fresh schema dropped afterwards. Skipped visibly when PostgreSQL
 * is unreachable; fails under {@code CI=true}.
 */
class PostgresPairingStoreTest extends PairingStoreContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    protected DataSource dataSource() {
        return schemas.create();
    }
}
