package dev.beckon.suite.video;

import dev.beckon.suite.shops.JdbcShopStore;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** How the shop's videos do, for the shop and per journey, with the orders that followed a play. */
@Path("api/shops/{shopId}/video-stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Videos")
@SecurityRequirement(name = "bearer")
public class VideoStatsResource {

    /** Links made, played, watched to the end and clicked through (bots and link previews left out). */
    public record CountsJson(long links, long plays, long completions, double completionRate, long ctaClicks) {

        static CountsJson of(VideoStats.Counts counts) {
            return new CountsJson(counts.links(), counts.plays(), counts.completions(),
                    Math.round(counts.completionRate() * 1000) / 1000.0, counts.ctaClicks());
        }
    }

    /** A journey's video links and the orders placed within {@code window} after a shopper first played theirs. */
    public record JourneyJson(String journey, CountsJson videos, String window, int attributedOrders,
                              Map<String, BigDecimal> revenue) {
    }

    /** The answer. */
    public record StatsJson(CountsJson shop, List<JourneyJson> journeys) {
    }

    @Inject
    JdbcShopStore shops;

    @Inject
    VideoStats stats;

    @GET
    @Operation(summary = "Video views, completion rate, click-throughs and attributed orders, per shop and journey",
            description = "Per video, the same counts are on GET /api/shops/{shopId}/videos/{videoId}. An order is"
                    + " attributed to a journey's video when the shopper places it within the journey's goal window"
                    + " (5 days without a goal) after first playing the video; each order once per journey.")
    public StatsJson get(@PathParam("shopId") String shopId) {
        VideoStats.ShopStats shop = stats.of(ShopResource.find(shops, shopId).id());
        return new StatsJson(CountsJson.of(shop.shop()), shop.journeys().stream().map(j -> new JourneyJson(
                j.journey(), CountsJson.of(j.counts()), j.window().toString(), j.attributedOrders(), j.revenue()))
                .toList());
    }
}
