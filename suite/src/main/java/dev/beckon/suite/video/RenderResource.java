package dev.beckon.suite.video;

import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.personalise.Render;
import dev.beckon.video.personalise.RenderId;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.personalise.RenderState;
import dev.beckon.api.model.ShopId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Burned-in renders: the shop's template clip with a shopper's first name in the picture, queued and cached per
 * name, and linked like a video (the landing page then streams the render).
 */
@Path("api/shops/{shopId}/renders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Videos")
@SecurityRequirement(name = "bearer")
public class RenderResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    RenderQueue renders;

    @Inject
    VideoLinks links;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Render the template clip with a shopper's first name", description = "JSON "
            + "{\"shopperRef\", \"firstName\"}. Cached per first name: asking again returns the same render. Poll "
            + "its state until 'ready'.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = RenderJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid name or shopper reference",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The shop has no template clip",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The template is not ready, or this server has no ffmpeg",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response request(@PathParam("shopId") String shopId, String body) throws VideoRequestException {
        Shop shop = ShopResource.find(shops, shopId);
        JsonFields fields = JsonFields.parse(body, "with shopperRef and firstName", false);
        Render render = renders.request(shop.id(), fields.requiredText("shopperRef", 255),
                fields.requiredText("firstName", 200));
        return Response.accepted(RenderJson.of(render))
                .location(URI.create("/api/shops/" + shop.id() + "/renders/" + render.id())).build();
    }

    @GET
    @Path("{renderId}")
    @Operation(summary = "Show a render: queued, rendering, ready or failed (with the reason)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RenderJson.class)))
    @APIResponse(responseCode = "404", description = "No such render (or erased)")
    public RenderJson get(@PathParam("shopId") String shopId, @PathParam("renderId") String renderId) {
        return RenderJson.of(find(ShopResource.find(shops, shopId).id(), renderId));
    }

    @POST
    @Path("{renderId}/links")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a landing-page link that plays the render", description = "JSON {\"shopperRef\", "
            + "\"orderId\" (optional), \"expiresIn\" (optional ISO-8601 duration)}. The shopper reference lets an "
            + "erasure request find the link. The token is shown only once.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LinkJson.class)))
    @APIResponse(responseCode = "404", description = "No such render")
    @APIResponse(responseCode = "409", description = "The render failed, or its template clip was deleted")
    public Response link(@PathParam("shopId") String shopId, @PathParam("renderId") String renderId, String body) {
        Shop shop = ShopResource.find(shops, shopId);
        Render render = find(shop.id(), renderId);
        JsonFields fields = JsonFields.parse(body, "with shopperRef, and optionally orderId and expiresIn", false);
        String shopperRef = fields.requiredText("shopperRef", 255);
        if (render.state() == RenderState.FAILED) {
            throw new ProblemException(409, "render " + render.id() + " failed: "
                    + render.reason().orElse("no reason recorded") + "; request it again first");
        }
        VideoLinks.Issued issued;
        try {
            issued = links.forRender(render, shopperRef, java.util.Optional.of(render.name().value()),
                    fields.text("orderId", 64), fields.duration("expiresIn"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(409, "the render's template clip was deleted");
        }
        return Response.created(URI.create(issued.url())).entity(LinkJson.of(issued)).build();
    }

    private Render find(ShopId shop, String renderId) {
        return RenderId.parse(renderId).flatMap(id -> renders.find(shop, id))
                .orElseThrow(() -> new ProblemException(404, "no render '" + renderId + "'"));
    }
}
