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

    /**
     * How many values an {@code IN} list for {@code count} values holds: the next power of two, so statements for
     * lists of different lengths repeat (and stay prepared on the server). The caller repeats its last value to fill
     * the list; a repeated value changes nothing in an {@code IN}.
     */
    public static int inListSize(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list needs a value, got " + count);
        }
        return Integer.highestOneBit(count) == count ? count : Integer.highestOneBit(count) << 1;
    }

    /**
     * The parenthesised list of {@code size} placeholders for an {@code IN}: {@code (?, ?)} for single values,
     * {@code ((?, ?, ?), (?, ?, ?))} for tuples of {@code width} columns.
     */
    public static String inList(int size, int width) {
        return "(" + rows(size, width) + ")";
    }

    /**
     * {@code size} rows of {@code width} placeholders, as an {@code INSERT}'s {@code VALUES} takes them:
     * {@code (?, ?, ?), (?, ?, ?)}; a single value per row for {@code width} 1 ({@code ?, ?}).
     */
    public static String rows(int size, int width) {
        String one = width == 1 ? "?" : "(" + "?, ".repeat(width - 1) + "?)";
        StringBuilder rows = new StringBuilder(size * (one.length() + 2));
        for (int i = 0; i < size; i++) {
            rows.append(i == 0 ? "" : ", ").append(one);
        }
        return rows.toString();
    }

    /**
     * Binds {@code values} to an {@link #inList} of {@code size} single placeholders starting at {@code from},
     * repeating the last value to fill it.
     *
     * @return the index after the list
     */
    public static int setStrings(PreparedStatement statement, int from, List<String> values, int size)
            throws SQLException {
        for (int i = 0; i < size; i++) {
            statement.setString(from + i, values.get(Math.min(i, values.size() - 1)));
        }
        return from + size;
    }

}
