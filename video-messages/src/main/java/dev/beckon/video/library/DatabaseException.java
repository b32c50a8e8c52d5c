package dev.beckon.video.library;

/** The database failed (connection lost, constraint broken by a bug): infrastructure, answered with a 5xx. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
