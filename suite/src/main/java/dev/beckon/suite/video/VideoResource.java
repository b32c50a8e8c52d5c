package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.privacy.VideoPrivacy;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.JdbcViewEventStore;
import dev.beckon.video.library.UploadFlow;
import dev.beckon.video.library.UploadOutcome;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoState;
import dev.beckon.video.library.ViewEventKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Thank-you videos of a shop: upload, state, landing-page links and their revocation (shop key or operator). */
@Path("api/shops/{shopId}/videos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Videos")
@SecurityRequirement(name = "bearer")
public class VideoResource {

    private static final System.Logger LOG = System.getLogger(VideoResource.class.getName());

    @Inject
    JdbcShopStore shops;

    @Inject
    UploadFlow uploads;

    @Inject
    JdbcVideoStore videos;

    @Inject
    JdbcVideoLinkStore links;

    @Inject
    JdbcViewEventStore viewEvents;

    @Inject
    VideoLinks videoLinks;

    @Inject
    VideoPrivacy privacy;

    @Inject
    StreamTargets streamTargets;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a video", description = "multipart/form-data with the video in the part 'file' "
            + "(MP4, QuickTime, WebM or Matroska). The video is transcoded in the background; poll its state.")
    @APIResponse(responseCode = "202", description = "Stored; transcoding (or 'uploaded' with a reason)",
            content = @Content(schema = @Schema(implementation = UploadedJson.class)))
    @APIResponse(responseCode = "413", description = "Larger than beckon.video.upload-cap-bytes",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a video",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unreadable, too long or too large a frame",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("shopId") String shopId, @FormParam("file") EntityPart file)
            throws IOException {
        Shop shop = ShopResource.find(shops, shopId);
        if (file == null) {
            throw new ProblemException(400, "send the video as multipart/form-data in a part named 'file'");
        }
        UploadOutcome outcome;
        try (InputStream content = file.getContent()) {
            outcome = uploads.accept(shop.id(), content);
        }
        if (outcome instanceof UploadOutcome.Accepted accepted) {
            Video video = accepted.video();
            LOG.log(System.Logger.Level.INFO, "shop {0}: video {1} uploaded ({2}){3}", shop.id(), video.id(),
                    video.state().column(), video.reason().map(r -> ": " + r).orElse(""));
            return Response.accepted(new UploadedJson(video.id().toString(), video.state().column()))
                    .location(URI.create("/api/shops/" + shop.id() + "/videos/" + video.id())).build();
        }
        if (outcome instanceof UploadOutcome.TooLarge tooLarge) {
            throw new ProblemException(413, "the video is larger than " + tooLarge.capBytes() + " bytes ("
                    + tooLarge.capBytes() / (1024 * 1024) + " MiB), the most this server accepts");
        }
        if (outcome instanceof UploadOutcome.Unsupported unsupported) {
            throw new ProblemException(415, "not a video this server accepts (MP4, QuickTime, WebM or Matroska): "
                    + unsupported.reason());
        }
        throw new ProblemException(422, "the video cannot be used: " + ((UploadOutcome.Rejected) outcome).reason());
    }

    @GET
    @Path("{videoId}")
    @Operation(summary = "Show a video: its state, the reason, what it is and how often it was played")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VideoJson.class)))
    @APIResponse(responseCode = "404", description = "No such video (or shop, or not yours)")
    public VideoJson get(@PathParam("shopId") String shopId, @PathParam("videoId") String videoId) {
        Shop shop = ShopResource.find(shops, shopId);
        Video video = find(shop.id(), videoId);
        Map<ViewEventKind, Long> reached = viewEvents.linksReaching(shop.id(), video.id());
        return VideoJson.of(video, reached);
    }

    @POST
    @Path("{videoId}/links")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a landing-page link", description = "Optional JSON body {\"firstName\", \"orderId\", "
            + "\"expiresIn\"} (ISO-8601 duration; default beckon.video.link-lifetime). The token is shown only once.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LinkJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such video (or shop, or not yours)")
    @APIResponse(responseCode = "409", description = "The video failed and cannot be shown")
    public Response issueLink(@PathParam("shopId") String shopId, @PathParam("videoId") String videoId,
                              String body) {
        Shop shop = ShopResource.find(shops, shopId);
        Video video = find(shop.id(), videoId);
        if (video.state() == VideoState.FAILED) {
            throw new ProblemException(409, "video " + video.id() + " failed and cannot be shown: "
                    + video.reason().orElse("no reason recorded"));
        }
        JsonFields fields = JsonFields.parse(body, "with the optional fields firstName, orderId and expiresIn, "
                + "or no body", true);
        VideoLinks.Issued issued = videoLinks.forVideo(shop.id(), video.id(), fields.text("firstName"),
                fields.text("orderId", 64), Optional.empty(), fields.duration("expiresIn"));
        return Response.created(URI.create(issued.url())).entity(LinkJson.of(issued)).build();
    }

    @DELETE
    @Path("links/{linkId}")
    @Operation(summary = "Revoke a landing-page link", description = "From now on its page answers 410 "
            + "(\"no longer available\"). The link id is the 'id' given when it was issued.")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @APIResponse(responseCode = "400", description = "Not a link id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such link in this shop",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response revokeLink(@PathParam("shopId") String shopId, @PathParam("linkId") String linkId)
            throws VideoRequestException {
        Shop shop = ShopResource.find(shops, shopId);
        privacy.revokeLink(shop.id(), linkId);
        streamTargets.forgetAll();
        return Response.noContent().build();
    }

    @POST
    @Path("links/{linkId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a landing-page link (the same as DELETE links/{linkId})")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    public Response revokeLinkByPost(@PathParam("shopId") String shopId, @PathParam("linkId") String linkId)
            throws VideoRequestException {
        return revokeLink(shopId, linkId);
    }

    private Video find(ShopId shop, String videoId) {
        return VideoId.parse(videoId).flatMap(id -> videos.find(shop, id))
                .orElseThrow(() -> new ProblemException(404, "no video '" + videoId + "'"));
    }
}
