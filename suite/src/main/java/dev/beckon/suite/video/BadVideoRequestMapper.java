package dev.beckon.suite.video;

import dev.beckon.suite.errors.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A {@link BadVideoRequest}: 400 problem+json with its message. */
@Provider
public class BadVideoRequestMapper implements ExceptionMapper<BadVideoRequest> {

    @Override
    public Response toResponse(BadVideoRequest exception) {
        return Problem.response(400, exception.getMessage());
    }
}
