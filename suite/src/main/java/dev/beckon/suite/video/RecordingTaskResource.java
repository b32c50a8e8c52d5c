package dev.beckon.suite.video;

import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.recording.RecordingTask;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.recording.TaskId;
import dev.beckon.video.recording.TaskResolution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recording tasks: the shop's staff record a thank-you video per order by a due time; when nobody does, the shop's
 * fallback video is linked instead (see {@link VideoStartup}). The journey's video step creates tasks through the
 * same service, idempotently per order ({@link JourneyVideoSteps}), and its run goes on once the video is linked.
 */
@Path("api/shops/{shopId}/video-tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Videos")
@SecurityRequirement(name = "bearer")
public class RecordingTaskResource {

    static final int MAX_LIST = 500;

    @Inject
    JdbcShopStore shops;

    @Inject
    RecordingTasks tasks;

    @Inject
    VideoLinks links;

    @Inject
    JourneyVideoSteps journeys;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ask staff to record a video for an order", description = "JSON {\"orderId\", "
            + "\"shopperRef\", \"firstName\" (optional), \"dueAt\" (ISO-8601 time)}. Idempotent per order: the "
            + "task made first is returned unchanged (200).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TaskJson.class)))
    @APIResponse(responseCode = "200", description = "The order already has a task; here it is")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("shopId") String shopId, String body) throws VideoRequestException {
        Shop shop = ShopResource.find(shops, shopId);
        JsonFields fields = JsonFields.parse(body, "with orderId, shopperRef, firstName (optional) and dueAt", false);
        String orderId = fields.requiredText("orderId", 64);
        String shopperRef = fields.requiredText("shopperRef", 255);
        String firstName = fields.text("firstName").orElse(null);
        Instant dueAt = fields.instant("dueAt").orElseThrow(() -> new ProblemException(400, "dueAt is required"));
        boolean existed = tasks.findByOrder(shop.id(), orderId).isPresent();
        RecordingTask task = tasks.createTask(shop.id(), orderId, shopperRef, firstName, dueAt);
        TaskJson json = TaskJson.of(task, links.ofTask(task));
        if (existed) {
            return Response.ok(json).build();
        }
        return Response.created(URI.create("/api/shops/" + shop.id() + "/video-tasks/" + task.id())).entity(json)
                .build();
    }

    @GET
    @Operation(summary = "The shop's open recording tasks, soonest due first (state=open)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskJson[].class)))
    public List<TaskJson> list(@PathParam("shopId") String shopId,
                               @QueryParam("state") @DefaultValue("open") String state) {
        Shop shop = ShopResource.find(shops, shopId);
        if (!"open".equals(state)) {
            throw new ProblemException(400, "state must be 'open' (the staff's to-do list); settled tasks are "
                    + "shown one by one at /video-tasks/{taskId}");
        }
        return tasks.open(shop.id(), MAX_LIST).stream().map(t -> TaskJson.of(t, links.ofTask(t))).toList();
    }

    @GET
    @Path("{taskId}")
    @Operation(summary = "Show a recording task, with the link made for its order once settled")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskJson.class)))
    @APIResponse(responseCode = "404", description = "No such task")
    public TaskJson get(@PathParam("shopId") String shopId, @PathParam("taskId") String taskId) {
        Shop shop = ShopResource.find(shops, shopId);
        RecordingTask task = TaskId.parse(taskId).flatMap(id -> tasks.find(shop.id(), id))
                .orElseThrow(() -> new ProblemException(404, "no recording task '" + taskId + "'"));
        return TaskJson.of(task, links.ofTask(task));
    }

    @POST
    @Path("{taskId}/video")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Staff recorded the order's video", description = "JSON {\"videoId\"}: an uploaded video "
            + "of the shop. Accepted while the task is open, also after its due time until the fallback went out; "
            + "the video is linked for the order.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskJson.class)))
    @APIResponse(responseCode = "404", description = "No such task or video",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task was already settled otherwise",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The video failed to transcode",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public TaskJson recorded(@PathParam("shopId") String shopId, @PathParam("taskId") String taskId, String body)
            throws VideoRequestException {
        Shop shop = ShopResource.find(shops, shopId);
        TaskId id = TaskId.parse(taskId)
                .orElseThrow(() -> new ProblemException(404, "no recording task '" + taskId + "'"));
        String video = JsonFields.parse(body, "with videoId", false).requiredText("videoId", 64);
        VideoId videoId = VideoId.parse(video)
                .orElseThrow(() -> new ProblemException(404, "no video '" + video + "'"));
        TaskResolution.Recorded recorded = tasks.complete(shop.id(), id, videoId);
        Optional<VideoLinkTargets.TaskLink> link = links.forTask(recorded);
        link.ifPresent(l -> journeys.taskLinked(recorded.task(), l));
        return TaskJson.of(recorded.task(), link);
    }
}
