package dev.beckon.suite.journeys;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.journeys.JourneySettings;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

/** The built-in abandoned-checkout journey's settings for one shop. */
@Path("api/shops/{shopId}/journeys/abandoned-checkout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys")
@SecurityRequirement(name = "bearer")
public class JourneySettingsResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @GET
    @Operation(summary = "Show the abandoned-checkout settings")
    public AbandonedCheckoutSettings get(@PathParam("shopId") String shopId) {
        Shop shop = ShopResource.find(shops, shopId);
        JourneySettings settings = engine.abandonedCheckoutSettings(shop.id());
        return new AbandonedCheckoutSettings(settings.enabled(), settings.delay().toString());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the abandoned-checkout settings", description = "Absent fields keep their value.")
    public AbandonedCheckoutSettings put(@PathParam("shopId") String shopId, AbandonedCheckoutSettings body) {
        Shop shop = ShopResource.find(shops, shopId);
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with enabled and/or delay");
        }
        JourneySettings current = engine.abandonedCheckoutSettings(shop.id());
        boolean enabled = body.enabled() == null ? current.enabled() : body.enabled();
        Duration delay = current.delay();
        if (body.delay() != null) {
            delay = ShopResource.positiveDuration(body.delay(), "delay");
        }
        engine.updateAbandonedCheckoutSettings(shop.id(), enabled, delay);
        return get(shopId);
    }
}
