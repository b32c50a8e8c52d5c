package dev.beckon.suite.journeys;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.definitions.JourneyDefinition;
import dev.beckon.engine.definitions.JourneyValidationException;
import dev.beckon.engine.journeys.JourneySettings;
import dev.beckon.suite.errors.InvalidFields;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.StringReader;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A shop's journeys as data: the six built-in ones ({@code abandoned-checkout}, {@code browse-abandonment},
 * {@code thank-you}, {@code order-updates}, {@code win-back}, {@code in-store-offer}) as the shop edited them, and
 * its own. A PUT takes the whole journey as GET shows it, or just {@code {"enabled": false}} (and for the
 * abandoned-checkout journey {@code "delay": "PT2H"}, its first wait) to switch a journey or change its timing.
 */
@Path("api/shops/{shopId}/journeys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys")
@SecurityRequirement(name = "bearer")
public class JourneyResource {

    private static final Set<String> SHORT_FORM = Set.of("enabled", "delay");

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @GET
    @Operation(summary = "List the shop's journeys, built-in ones first")
    public String list(@PathParam("shopId") String shopId) {
        Shop shop = ShopResource.find(shops, shopId);
        return engine.journeys(shop.id()).stream().map(engine::journeyJson)
                .collect(Collectors.joining(",", "[", "]"));
    }

    @GET
    @Path("{journeyId}")
    @Operation(summary = "Show one journey: trigger, entry conditions, steps, exits, goal and re-entry cooldown")
    @APIResponse(responseCode = "404", description = "No journey with this id")
    public String get(@PathParam("shopId") String shopId, @PathParam("journeyId") String journeyId) {
        Shop shop = ShopResource.find(shops, shopId);
        return engine.journeyJson(find(shop, journeyId));
    }

    @PUT
    @Path("{journeyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a journey, or switch it on or off",
            description = "The whole journey as GET shows it (validated; every problem is listed with its JSON"
                    + " Pointer), or {\"enabled\": …} alone. The built-in journeys keep their trigger.")
    @APIResponse(responseCode = "200", description = "The stored journey")
    @APIResponse(responseCode = "400", description = "Every problem with its path")
    @APIResponse(responseCode = "404", description = "No journey with this id (for the short form)")
    public Response put(@PathParam("shopId") String shopId, @PathParam("journeyId") String journeyId, String body) {
        Shop shop = ShopResource.find(shops, shopId);
        JsonObject object = parse(body);
        String json = object != null && SHORT_FORM.containsAll(object.keySet()) && !object.isEmpty()
                ? shortForm(shop, journeyId, object) : body;
        try {
            return Response.ok(engine.journeyJson(engine.putJourney(shop.id(), journeyId, json))).build();
        } catch (JourneyValidationException e) {
            return InvalidFields.response("the journey was not changed: " + e.errors().size()
                    + " problem(s)", e.errors().stream()
                    .map(error -> new InvalidFields.InvalidField(error.path(), error.message())).toList());
        }
    }

    /** {@code {"enabled", "delay"?}} applied to the current journey. */
    private String shortForm(Shop shop, String journeyId, JsonObject change) {
        JourneyDefinition current = find(shop, journeyId);
        JsonValue enabled = change.get("enabled");
        if (enabled != null && enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
            throw new ProblemException(400, "enabled must be true or false");
        }
        if (change.containsKey("delay")) {
            if (!"abandoned-checkout".equals(journeyId)) {
                throw new ProblemException(400, "delay applies to the abandoned-checkout journey only; change the"
                        + " wait steps of '" + journeyId + "' in the whole journey");
            }
            if (!(change.get("delay") instanceof jakarta.json.JsonString text)) {
                throw new ProblemException(400, "delay must be an ISO-8601 duration such as \"PT1H\"");
            }
            Duration delay = ShopResource.positiveDuration(text.getString(), "delay");
            JourneySettings settings = engine.abandonedCheckoutSettings(shop.id());
            engine.updateAbandonedCheckoutSettings(shop.id(),
                    enabled == null ? settings.enabled() : enabled == JsonValue.TRUE, delay);
            return engine.journeyJson(find(shop, journeyId));
        }
        JsonObject whole = parse(engine.journeyJson(current));
        return Json.createObjectBuilder(whole).add("enabled", enabled).build().toString();
    }

    private JourneyDefinition find(Shop shop, String journeyId) {
        return engine.journey(shop.id(), journeyId).orElseThrow(() -> new ProblemException(404,
                "no journey '" + journeyId + "'; the built-in ones are abandoned-checkout, browse-abandonment,"
                        + " thank-you, order-updates, win-back and in-store-offer"));
    }

    /** The body as a JSON object, or null if it is not one (the engine's validation then says why). */
    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
