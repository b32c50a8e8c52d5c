package dev.beckon.suite.errors;

import jakarta.ws.rs.WebApplicationException;

/** Ends a request with a problem answer; the detail is shown to the caller. */
public final class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ProblemException(int status, String detail) {
        super(detail, Problem.response(status, detail));
    }
}
