package dev.beckon.engine.persistence;

import dev.beckon.api.testing.PostgresSchemas;
import dev.beckon.api.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared migrations and each database's own ones (storage parameters, partial indexes) apply. */
class EngineSchemaTest {

    @RegisterExtension
    final PostgresSchemas schemas = new PostgresSchemas();

    @Test
    void h2GetsTheSharedMigrationsAndItsOwnEmptyV8() {
        DataSource h2 = TestDatabases.h2();

        assertThat(EngineSchema.vendorFolder(h2)).isEqualTo("engine-h2");
        assertThat(EngineSchema.migrate(h2)).isEqualTo(8);
        assertThat(EngineSchema.migrate(h2)).isZero();
    }

    @Test
    void postgresqlRunsLeaveRoomForHotUpdatesAndTheOutboxIndexesHoldOnlyWhatTheDispatcherReads() throws SQLException {
        DataSource postgres = schemas.create();

        assertThat(EngineSchema.vendorFolder(postgres)).isEqualTo("engine-postgresql");
        assertThat(EngineSchema.migrate(postgres)).isEqualTo(8);
        assertThat(one(postgres, "SELECT array_to_string(reloptions, ',') FROM pg_class"
                + " WHERE relname = 'journey_run' AND relnamespace = current_schema()::regnamespace"))
                .isEqualTo("fillfactor=70");
        assertThat(one(postgres, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND indexname = 'ix_message_dispatch'")).endsWith("WHERE ((state)::text = 'queued'::text)");
        assertThat(one(postgres, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND indexname = 'ix_message_sending'")).endsWith("WHERE ((state)::text = 'sending'::text)");
    }

    private static String one(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet row = s.executeQuery()) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        }
    }
}
