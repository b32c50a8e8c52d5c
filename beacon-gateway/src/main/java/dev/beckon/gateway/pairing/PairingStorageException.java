package dev.beckon.gateway.pairing;

/**
 * The gateway database failed (connection, SQL, migration) for the pairing registry, credentials or visits: broken
 * infrastructure, not bad input.
 */
public final class PairingStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /** @param message what failed, with the ids involved @param cause never null */
    public PairingStorageException(String message, java.sql.SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLState of the failure, or null. */
    public String sqlState() {
        return sqlState;
    }
}
