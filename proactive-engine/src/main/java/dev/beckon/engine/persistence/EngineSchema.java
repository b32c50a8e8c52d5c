package dev.beckon.engine.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The engine's tables, migrated with Flyway from {@code classpath:db/engine}. The engine keeps its own history
 * table, so each module owns its migrations and versions them independently.
 */
public final class EngineSchema {

    private static final System.Logger LOG = System.getLogger(EngineSchema.class.getName());

    private EngineSchema() {
    }

    /**
     * Applies pending migrations; safe to call from several instances at once (Flyway locks its history table).
     *
     * @return the number of migrations applied
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(EngineSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/engine")
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
