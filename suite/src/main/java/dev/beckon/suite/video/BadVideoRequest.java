package dev.beckon.suite.video;

/**
 * A merchant's request body the video endpoints cannot use (a field missing, of the wrong type or too long): a
 * 400 problem with this message, answered by {@link BadVideoRequestMapper}. Unchecked and free of JAX-RS, so the
 * parsing that throws it is tested without a server.
 */
final class BadVideoRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadVideoRequest(String message) {
        super(message);
    }
}
