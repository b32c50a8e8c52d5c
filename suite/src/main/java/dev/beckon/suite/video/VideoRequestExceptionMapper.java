package dev.beckon.suite.video;

import dev.beckon.suite.errors.Problem;
import dev.beckon.video.VideoRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A video request the module refused: problem+json with its status (400, 404, 409 or 422) and its message. */
@Provider
public class VideoRequestExceptionMapper implements ExceptionMapper<VideoRequestException> {

    @Override
    public Response toResponse(VideoRequestException exception) {
        return Problem.response(exception.problem().status(), exception.getMessage());
    }
}
