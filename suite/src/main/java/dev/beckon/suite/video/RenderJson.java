package dev.beckon.suite.video;

import dev.beckon.video.personalise.Render;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A burned-in render of the shop's template clip: where it stands, and why it failed. */
@JsonbNillable
@Schema(name = "Render")
public record RenderJson(
        @Schema(required = true) String id,
        @Schema(required = true, enumeration = {"queued", "rendering", "ready", "failed"}) String state,
        @Schema(description = "Why it failed (asking for it again retries)") String reason,
        @Schema(required = true) String templateVideoId,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static RenderJson of(Render render) {
        return new RenderJson(render.id().toString(), render.state().column(), render.reason().orElse(null),
                render.template().toString(), render.createdAt(), render.updatedAt());
    }
}
