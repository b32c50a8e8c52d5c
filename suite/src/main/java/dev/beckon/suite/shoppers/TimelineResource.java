package dev.beckon.suite.shoppers;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.timeline.TimelineEntry;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Why a shopper got (or did not get) a message: everything Beckon did for one shopper, in order. */
@Path("api/shops/{shopId}/shoppers/{shopperId}/timeline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shoppers")
@SecurityRequirement(name = "bearer")
public class TimelineResource {

    static final int MAX_LIMIT = 1000;

    /** One entry: kind is EVENT, JOURNEY_ENTERED, JOURNEY_EXITED, DECISION or MESSAGE. */
    public record Entry(String kind, Instant at, String summary, Map<String, String> details) {

        static Entry of(TimelineEntry entry) {
            return new Entry(entry.kind().name(), entry.at(), entry.summary(), entry.details());
        }
    }

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @GET
    @Operation(summary = "A shopper's events, journey entries, guardrail decisions and messages, oldest first")
    public List<Entry> timeline(@PathParam("shopId") String shopId,
                                @Parameter(description = "The platform's customer id; for a guest, the e-mail address"
                                        + " or the phone number in E.164 (+14155550100)")
                                @PathParam("shopperId") String shopperId,
                                @QueryParam("limit") @DefaultValue("200") int limit) {
        Shop shop = ShopResource.find(shops, shopId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(400, "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (shopperId.isBlank() || shopperId.length() > 255) {
            throw new ProblemException(400, "shopperId must be 1 to 255 characters");
        }
        return engine.timeline(shop.id(), ShopperRef.parse(shopperId).key(), limit).stream().map(Entry::of).toList();
    }
}
