package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.recording.RecordingTasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The shop's two standing videos: the fallback (sent when nobody records in time) and the template clip. */
@Path("api/shops/{shopId}/video-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Videos")
@SecurityRequirement(name = "bearer")
public class VideoSettingsResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcShopVideoSettings settings;

    @Inject
    RecordingTasks tasks;

    @Inject
    RenderQueue renders;

    /** The shop's video settings. */
    @JsonbNillable
    @Schema(name = "VideoSettings")
    public record SettingsJson(@Schema(description = "Sent for orders nobody recorded in time") String fallbackVideoId,
                               @Schema(description = "Personalised per shopper in burned-in renders")
                               String templateVideoId) {
    }

    @GET
    @Operation(summary = "Show the shop's fallback and template videos")
    public SettingsJson get(@PathParam("shopId") String shopId) {
        return of(ShopResource.find(shops, shopId).id());
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Set the fallback and template videos", description = "JSON {\"fallbackVideoId\", "
            + "\"templateVideoId\"}: a field left out stays as it is; fallbackVideoId null removes the fallback "
            + "(tasks past due are then missed).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SettingsJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such video",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The video failed to transcode",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public SettingsJson put(@PathParam("shopId") String shopId, String body) throws VideoRequestException {
        Shop shop = ShopResource.find(shops, shopId);
        JsonFields fields = JsonFields.parse(body, "with fallbackVideoId and/or templateVideoId", false);
        if (fields.isNull("templateVideoId")) {
            throw new ProblemException(400, "templateVideoId cannot be removed, only replaced by another video");
        }
        if (!fields.has("fallbackVideoId") && !fields.has("templateVideoId")) {
            throw new ProblemException(400, "send fallbackVideoId and/or templateVideoId");
        }
        VideoId fallback = fields.text("fallbackVideoId", 64).map(v -> videoId("fallbackVideoId", v)).orElse(null);
        VideoId template = fields.text("templateVideoId", 64).map(v -> videoId("templateVideoId", v)).orElse(null);
        if (fields.has("fallbackVideoId") && fallback == null && !fields.isNull("fallbackVideoId")) {
            throw new ProblemException(400, "fallbackVideoId must be a video id, or null to remove the fallback");
        }
        if (fields.has("templateVideoId") && template == null) {
            throw new ProblemException(400, "templateVideoId must be a video id");
        }
        if (template != null) {
            renders.setTemplateVideo(shop.id(), template);
        }
        if (fallback != null) {
            tasks.setFallbackVideo(shop.id(), fallback);
        } else if (fields.isNull("fallbackVideoId")) {
            tasks.clearFallbackVideo(shop.id());
        }
        return of(shop.id());
    }

    private SettingsJson of(ShopId shop) {
        return new SettingsJson(settings.fallbackVideo(shop).map(Object::toString).orElse(null),
                settings.templateVideo(shop).map(Object::toString).orElse(null));
    }

    private static VideoId videoId(String field, String value) {
        return VideoId.parse(value).orElseThrow(() -> new ProblemException(400, field + " is not a video id: '"
                + value + "'"));
    }
}
