package dev.beckon.suite.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error answer as RFC 9457 problem details: a status, a short title, and a detail a merchant can act on.
 * Never a stack trace.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.StatusType status, String detail) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }

    public static Response response(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        Response.StatusType type = known != null ? known : new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
                return status == 413 ? "Content Too Large" : status == 422 ? "Unprocessable Content" : "Error";
            }
        };
        return response(type, detail);
    }
}
