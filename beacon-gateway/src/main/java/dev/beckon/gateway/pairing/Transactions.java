package dev.beckon.gateway.pairing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Runs work in one local JDBC transaction: commit when the work returns, roll back when it throws. Thread-safe;
 * each call takes its own connection from the pool.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String what;

    /** @param what whose tables these are, for the error message ({@code "pairing"}, {@code "visit"}) */
    public Transactions(DataSource dataSource, String what) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.what = Objects.requireNonNull(what, "what");
    }

    /** @throws PairingStorageException when the database fails; the transaction is rolled back */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PairingStorageException(what + " database call failed: " + e.getMessage(), e);
        }
    }
}
