package dev.beckon.suite.journeys;

import dev.beckon.api.model.Money;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.attribution.StepStats;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** What a journey achieved, step by step: messages sent, delivered and clicked, orders attributed and revenue. */
@Path("api/shops/{shopId}/journeys/{journeyId}/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys")
@SecurityRequirement(name = "bearer")
public class JourneyStatsResource {

    /** An amount as a decimal string, never a binary float. */
    public record Amount(String amount, String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount().toPlainString(), money.currency().getCurrencyCode());
        }
    }

    /** One step; revenue has one amount per currency. */
    public record Step(String step, long sent, long delivered, long clicked, long converted, List<Amount> revenue) {

        static Step of(StepStats stats) {
            return new Step(stats.step(), stats.sent(), stats.delivered(), stats.clicked(), stats.converted(),
                    stats.revenue().stream().map(Amount::of).toList());
        }
    }

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @GET
    @Operation(summary = "Sent, delivered, clicked, converted and revenue per step (last-touch attribution)")
    public List<Step> stats(@PathParam("shopId") String shopId, @PathParam("journeyId") String journeyId) {
        Shop shop = ShopResource.find(shops, shopId);
        return engine.journeyStats(shop.id(), journeyId).stream().map(Step::of).toList();
    }
}
