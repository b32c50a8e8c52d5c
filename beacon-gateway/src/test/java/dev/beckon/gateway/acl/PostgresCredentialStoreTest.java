package dev.beckon.gateway.acl;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The credential store on a real PostgreSQL; skipped visibly without one, failing under {@code CI=true}. */
class PostgresCredentialStoreTest extends CredentialStoreContract {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    protected DataSource dataSource() {
        return schemas.create();
    }
}
