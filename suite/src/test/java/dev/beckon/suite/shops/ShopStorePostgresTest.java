package dev.beckon.suite.shops;

import dev.beckon.api.testing.PostgresSchemas;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The suite's and the engine's migrations, and the shop store, on a real PostgreSQL. */
class ShopStorePostgresTest extends ShopStoreTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    DataSource database() {
        return schemas.create();
    }
}
