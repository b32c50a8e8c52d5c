package dev.beckon.suite.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.beckon.suite.config.SuiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The one connection pool of the suite: H2 in the data folder by default, PostgreSQL (or any JDBC URL) by
 * configuration.
 */
@ApplicationScoped
public class DatabaseProducer {

    @Produces
    @Singleton
    DataSource dataSource(SuiteSettings settings) {
        if (settings.embeddedDatabase()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder " + settings.dataDir()
                        + " (set BECKON_DATA_DIR to a writable folder)", e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("beckon");
        config.setJdbcUrl(settings.databaseUrl());
        config.setDriverClassName(settings.embeddedDatabase() ? "org.h2.Driver"
                : settings.databaseUrl().startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : null);
        if (!settings.databaseUser().isEmpty()) {
            config.setUsername(settings.databaseUser());
        }
        if (!settings.databasePassword().isEmpty()) {
            config.setPassword(settings.databasePassword());
        }
        config.setMaximumPoolSize(settings.databasePoolSize());
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1); // start anyway; readiness reports the database
        return new HikariDataSource(config);
    }

    void close(@Disposes DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
