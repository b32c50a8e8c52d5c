package dev.beckon.api.testing;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for every module's tests (shared through the plugin-api test-jar): a fresh in-memory H2 in PostgreSQL
 * mode (as the suite's embedded default), or a fresh schema in the PostgreSQL at {@code BECKON_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). Without PostgreSQL the test is skipped with a visible reason, except under CI, where
 * it fails: CI starts PostgreSQL, so its absence there is a broken set-up.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** A data source on a new, empty schema; drop it with {@link #dropSchema}. */
    public static PGSimpleDataSource postgres() {
        String url = System.getenv().getOrDefault("BECKON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("BECKON_TEST_PG_USER", "postgres");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setConnectTimeout(3);
        String schema = "beckon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "); set BECKON_TEST_PG_URL / BECKON_TEST_PG_USER or start it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + ". CI must have PostgreSQL running.", e);
            }
            System.getLogger(TestDatabases.class.getName()).log(System.Logger.Level.WARNING, "SKIPPING: " + reason);
            Assumptions.abort(reason);
        }
        pg.setCurrentSchema(schema);
        return pg;
    }

    public static void dropSchema(PGSimpleDataSource pg) {
        String schema = pg.getCurrentSchema();
        pg.setCurrentSchema(null);
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
