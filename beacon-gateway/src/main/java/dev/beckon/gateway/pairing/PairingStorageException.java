package dev.beckon.gateway.pairing;

/** The pairing database failed (connection, SQL, migration): broken infrastructure, not bad input. */
public final class PairingStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    PairingStorageException(String message, java.sql.SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLState of the failure, or null. */
    public String sqlState() {
        return sqlState;
    }
}
