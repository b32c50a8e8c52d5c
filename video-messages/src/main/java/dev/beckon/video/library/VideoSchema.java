package dev.beckon.video.library;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The video module's tables, migrated with Flyway from {@code classpath:db/video} into the module's own history
 * table {@code video_schema_history}, so its migrations are versioned independently of the other modules'.
 */
public final class VideoSchema {

    private static final System.Logger LOG = System.getLogger(VideoSchema.class.getName());

    private VideoSchema() {
    }

    /**
     * Applies pending migrations; safe to call from several instances at once (Flyway locks its history table).
     *
     * @return the number of migrations applied
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(VideoSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/video")
                .table("video_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.log(System.Logger.Level.INFO, "video schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion, result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
