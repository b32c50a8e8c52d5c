package dev.beckon.api.plugin;

/**
 * The root of Beckon's exceptions. Exceptions are for bugs and broken infrastructure; expected outcomes (a bad
 * signature, a skipped message) are values.
 */
public class BeckonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BeckonException(String message) {
        super(message);
    }

    public BeckonException(String message, Throwable cause) {
        super(message, cause);
    }
}
