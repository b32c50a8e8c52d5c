package dev.beckon.suite.video;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.privacy.ShopperErasure;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.shoppers.ShopperRef;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.privacy.VideoPrivacy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import java.io.IOException;
import java.util.List;

/**
 * A shopper's erasure request, by customer id, e-mail address or +E.164 phone: what the engine holds on them (see
 * {@code ShopperErasure}), their renders, the videos staff recorded for their orders, their recording tasks, and
 * every link made for them or their orders with its view events. A platform's {@code customers/redact} does the
 * same through the webhook. Idempotent.
 */
@Path("api/shops/{shopId}/shoppers/{shopperRef}/erase")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Videos")
@SecurityRequirement(name = "bearer")
public class ShopperErasureResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    VideoPrivacy privacy;

    @Inject
    ProactiveEngine engine;

    @Inject
    StreamTargets streamTargets;

    /** What was deleted (messages are kept as counted rows without address or text). */
    @Schema(name = "ShopperErased")
    public record ErasedJson(int renders, int recordedVideos, int files, int links, int viewEvents, int tasks,
                             int events, int journeyRuns, int timers, int decisions, int consents, int messages) {

        static ErasedJson of(VideoPrivacy.Erased video, ShopperErasure.Erased engine) {
            return new ErasedJson(video.renders(), video.recordedVideos(), video.files(), video.links(),
                    video.viewEvents(), video.tasks(), engine.events(), engine.runs(), engine.timers(),
                    engine.decisions(), engine.consents(), engine.messages());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Erase a shopper's data: events, journeys, decisions, message texts and videos",
            description = "Optional JSON {\"orderIds\": [...]} "
            + "(a platform's orders_to_redact) also deletes those orders' links. Answers what was deleted.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ErasedJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ErasedJson erase(@PathParam("shopId") String shopId, @PathParam("shopperRef") String shopperRef,
                            String body) throws VideoRequestException, IOException {
        Shop shop = ShopResource.find(shops, shopId);
        List<String> orderIds = orderIds(body);
        if (shopperRef.isBlank() || shopperRef.length() > 255) {
            throw new BadVideoRequest("the shopper is a customer id, an e-mail address or a +E.164 phone number,"
                    + " 1 to 255 characters");
        }
        ShopperRef ref = ShopperRef.parse(shopperRef);
        ShopperErasure.Erased engineErased = engine.eraseShopper(shop.id(), ref.customer(), ref.email(), ref.phone());
        VideoPrivacy.Erased erased = privacy.eraseShopper(shop.id(), shopperRef, orderIds);
        streamTargets.forgetAll();
        return ErasedJson.of(erased, engineErased);
    }

    static List<String> orderIds(String body) {
        JsonFields fields = JsonFields.parse(body, "with an optional orderIds array of strings, or no body", true);
        JsonValue value = fields.value("orderIds");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > 1000
                || !array.stream().allMatch(v -> v instanceof JsonString s && !s.getString().isBlank()
                && s.getString().length() <= 64)) {
            throw new BadVideoRequest(
                    "orderIds must be an array of at most 1000 order ids (strings of 1 to 64 characters)");
        }
        return array.stream().map(v -> ((JsonString) v).getString().strip()).toList();
    }
}
