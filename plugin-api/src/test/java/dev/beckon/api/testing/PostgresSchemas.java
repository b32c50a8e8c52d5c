package dev.beckon.api.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Fresh PostgreSQL schemas for a test, dropped after it: register as an instance field
 * ({@code @RegisterExtension final PostgresSchemas schemas = new PostgresSchemas();}) and take a data source from
 * {@link #create()}. Without PostgreSQL the test is skipped with the reason, and fails under {@code CI=true}
 * ({@link TestDatabases#postgres()}).
 */
public final class PostgresSchemas implements AfterEachCallback {

    private final List<PGSimpleDataSource> created = new ArrayList<>();

    /** A data source on a new, empty schema, dropped after the test. */
    public PGSimpleDataSource create() {
        PGSimpleDataSource postgres = TestDatabases.postgres();
        created.add(postgres);
        return postgres;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (PGSimpleDataSource postgres : created) {
            TestDatabases.dropSchema(postgres);
        }
        created.clear();
    }
}
