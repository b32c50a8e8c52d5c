package dev.beckon.engine.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The engine's tables, migrated with Flyway from {@code classpath:db/engine}. The engine keeps its own history
 * table, so each module owns its migrations and versions them independently.
 */
public final class EngineSchema {

    private static final System.Logger LOG = System.getLogger(EngineSchema.class.getName());

    private EngineSchema() {
    }

    /**
     * The folder of the migrations only one database understands (storage parameters, partial indexes):
     * {@code engine-postgresql} or {@code engine-h2}, each holding the same versions.
     *
     * @throws StorageException for another database, or if the database cannot be asked which it is
     */
    static String vendorFolder(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new StorageException("cannot tell which database the engine runs on", e);
        }
        if (product.contains("postgresql")) {
            return "engine-postgresql";
        } else if (product.contains("h2")) {
            return "engine-h2";
        }
        throw new StorageException("the engine runs on PostgreSQL or H2, not on " + product, null);
    }

    /**
     * Applies pending migrations; safe to call from several instances at once (Flyway locks its history table).
     *
     * @return the number of migrations applied
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(EngineSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/engine", "classpath:db/" + vendorFolder(dataSource))
                .table("engine_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.log(System.Logger.Level.INFO, "engine schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion, result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
