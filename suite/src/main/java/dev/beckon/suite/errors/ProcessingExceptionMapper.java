package dev.beckon.suite.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Body readers wrap unreadable JSON in a ProcessingException; that is a 400 as well. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && !(cause instanceof JsonbException)) {
            cause = cause.getCause();
        }
        return Problem.response(400, "the request body could not be read: "
                + BadJsonMapper.firstLine(cause.getMessage()));
    }
}
