package dev.beckon.suite.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;

/** A bug or broken infrastructure: logged once with an incident id, answered 500 without internals. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "incident " + incident + ": unexpected error", exception);
        return Problem.response(500, "internal error; the server log has the details under incident " + incident);
    }
}
