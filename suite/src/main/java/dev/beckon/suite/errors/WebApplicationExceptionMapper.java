package dev.beckon.suite.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns JAX-RS's own refusals (404, 405, 406, 415) into problem details, keeping ours as they are. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here; allowed: " + original.getAllowedMethods();
            case 406 -> "this resource answers application/json only";
            case 415 -> "unsupported content type; send application/json";
            default -> exception.getMessage() == null ? original.getStatusInfo().getReasonPhrase()
                    : exception.getMessage();
        };
        Response problem = Problem.response(status, detail);
        return Response.fromResponse(problem).replaceAll(original.getHeaders()).type(Problem.MEDIA_TYPE).build();
    }
}
