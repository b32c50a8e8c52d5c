package dev.beckon.suite.persistence;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** The suite's own tables (shops and their keys), migrated from {@code classpath:db/suite}. */
public final class SuiteSchema {

    private SuiteSchema() {
    }

    public static int migrate(DataSource dataSource) {
        return Flyway.configure(SuiteSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/suite")
                .table("suite_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
