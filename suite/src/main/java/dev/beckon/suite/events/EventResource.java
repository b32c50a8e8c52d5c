package dev.beckon.suite.events;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.suite.webhooks.JdbcPoisonDeliveryStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the store platforms delivered to a shop, as canonical events, and what became of each. */
@Path("api/shops/{shopId}/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
@SecurityRequirement(name = "bearer")
public class EventResource {

    static final int MAX_LIMIT = 500;

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @Inject
    JdbcPoisonDeliveryStore poison;

    @GET
    @Operation(summary = "List the shop's events, newest first",
            description = "Canonical events with their processing state, and signed deliveries that could not be"
                    + " read (state poison, with the reason), and WooCommerce pings (state ping).")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EventJson.class)))
    @APIResponse(responseCode = "404", description = "No such shop (or not yours)")
    public List<EventJson> list(@PathParam("shopId") String shopId,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        Shop shop = ShopResource.find(shops, shopId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(400, "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return Stream.concat(engine.events(shop.id(), limit).stream().map(EventJson::of),
                        poison.list(shop.id(), limit).stream().map(EventJson::of))
                .sorted(Comparator.comparing(EventJson::receivedAt).reversed())
                .limit(limit)
                .toList();
    }
}
