package dev.beckon.engine.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Conversions between Java time and SQL {@code TIMESTAMP WITH TIME ZONE}, identical on PostgreSQL and H2. */
public final class Sql {

    /** SQLState for a unique-key violation, on both PostgreSQL and H2. */
    public static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Runs a query whose first column is an id and returns the ids in order. */
    public static List<String> ids(PreparedStatement select) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

}
