package dev.beckon.gateway.pairing;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The gateway's tables, migrated with Flyway from {@code classpath:db/gateway} with its own history table
 * {@code gateway_schema_history}, so the gateway versions its migrations independently of other modules sharing
 * the database.
 */
public final class GatewaySchema {

    private static final System.Logger LOG = System.getLogger(GatewaySchema.class.getName());

    private GatewaySchema() {
    }

    /**
     * Applies pending migrations; safe to call from several instances at once (Flyway locks its history table).
     *
     * @return the number of migrations applied
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(GatewaySchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/gateway")
                .table("gateway_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.log(System.Logger.Level.INFO, "gateway schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion, result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
