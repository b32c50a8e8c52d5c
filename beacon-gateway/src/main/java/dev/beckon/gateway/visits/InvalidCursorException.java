package dev.beckon.gateway.visits;

/** A paging cursor that this store did not hand out (bad input: answer 400, not 500). */
public final class InvalidCursorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidCursorException(String cursor) {
        super("not a visit cursor: '" + (cursor.length() > 80 ? cursor.substring(0, 80) + "..." : cursor) + "'");
    }
}
