package dev.beckon.suite.errors;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A 400 problem that lists every wrong field of a JSON document, so a merchant fixes them all at once. */
public final class InvalidFields {

    /**
     * @param field   where, as a JSON path ({@code quietHours.start}, {@code /steps/2/duration}); empty for the whole
     *                document
     * @param message what is wrong and what is expected
     */
    @Schema(name = "InvalidField")
    public record InvalidField(String field, String message) {
    }

    @Schema(name = "ValidationProblem", description = "RFC 9457 problem details with the wrong fields.")
    public record ValidationProblem(String type, String title, int status, String detail, List<InvalidField> errors) {
    }

    private InvalidFields() {
    }

    public static Response response(String detail, List<InvalidField> errors) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new ValidationProblem("about:blank", "Bad Request", 400, detail, List.copyOf(errors)))
                .build();
    }
}
