package dev.beckon.suite.video;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The suite's own video tables (what a link plays: a render, and the link made for a recording task), migrated from
 * {@code classpath:db/suite-video} into their own history table {@code suite_video_schema_history}, after the video
 * module's tables they refer to.
 */
final class SuiteVideoSchema {

    private SuiteVideoSchema() {
    }

    /** Applies pending migrations (Flyway locks its history table, so several instances may call it at once). */
    static int migrate(DataSource dataSource) {
        return Flyway.configure(SuiteVideoSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/suite-video")
                .table("suite_video_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
