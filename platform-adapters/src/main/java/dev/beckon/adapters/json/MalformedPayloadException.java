package dev.beckon.adapters.json;

/**
 * A signed body that does not hold what its topic promises. Thrown only while one payload is mapped and always
 * caught by the adapter mapping it, which answers {@code Rejected(MALFORMED, message)}; it never leaves an
 * adapter's {@code receive}. The message names the field and is safe to show to the caller. It carries no stack trace: it is an
 * expected outcome, not a bug.
 */
public final class MalformedPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message, null, false, false);
    }
}
