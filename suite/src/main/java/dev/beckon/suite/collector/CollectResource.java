package dev.beckon.suite.collector;

import dev.beckon.adapters.storefront.AllowedOrigins;
import dev.beckon.adapters.storefront.CollectException;
import dev.beckon.adapters.storefront.Snippets;
import dev.beckon.adapters.storefront.StorefrontCollector;
import dev.beckon.adapters.storefront.StorefrontShop;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.shops.JdbcShopStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The storefront collector: what a shop's own pages report that no platform sends server-side (a product viewed,
 * an item added to the cart by an anonymous visitor). Posted by {@code beckon-collect.js} or a Shopify Web Pixel
 * with the shop's public key, from the shop's storefront origins only (CORS), within a rate limit per visitor and
 * per address.
 */
@Path("collect")
@RequestScoped
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Storefront collector")
public class CollectResource {

    /** More than the collector takes, so it can say "too large" itself. */
    private static final int READ_LIMIT = 64 * 1024;

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcStorefrontStore storefronts;

    @Inject
    StorefrontCollector collector;

    @Inject
    ProactiveEngine engine;

    @Inject
    MetricRegistry metrics;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Path("beckon-collect.js")
    @Produces("text/javascript; charset=utf-8")
    @Operation(summary = "The collector snippet a storefront page loads")
    public Response script() {
        return Response.ok(Snippets.collectorScript()).header("Cache-Control", "public, max-age=3600").build();
    }

    @OPTIONS
    @Path("{shopId}")
    @Operation(summary = "CORS preflight for a storefront origin")
    public Response preflight(@PathParam("shopId") String shopId, @HeaderParam("Origin") String origin) {
        Optional<AllowedOrigins> origins = origins(shopId);
        if (origins.isEmpty()) {
            return Problem.response(404, "no storefront collector for shop '" + shopId + "'");
        }
        if (!origins.get().allows(origin)) {
            return withHeaders(Problem.response(403, "origin '" + origin + "' is not one of this shop's storefront"
                    + " origins"), origins.get().corsHeaders(origin));
        }
        return withHeaders(Response.noContent().build(), origins.get().corsHeaders(origin));
    }

    @POST
    @Path("{shopId}")
    @Operation(summary = "Report a storefront event",
            description = "Body: {\"type\":\"product_viewed\"|\"added_to_cart\", \"visitorId\", \"productId\", …};"
                    + " text/plain (sendBeacon) or application/json. Answers 202.")
    @APIResponse(responseCode = "202", description = "Stored (or a repeat of one stored)")
    @APIResponse(responseCode = "400", description = "Not an event the collector reads")
    @APIResponse(responseCode = "401", description = "Missing or wrong public key")
    @APIResponse(responseCode = "403", description = "Not from one of the shop's storefront origins")
    @APIResponse(responseCode = "404", description = "Unknown shop, or its collector is not set up")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "429", description = "Too many events from this visitor or address; see Retry-After")
    public Response collect(@PathParam("shopId") String shopId, @HeaderParam("Origin") String origin,
                            @QueryParam("key") String key, InputStream body) {
        Optional<Storefront> storefront = storefront(shopId);
        if (storefront.isEmpty()) {
            count("unknown_shop");
            return Problem.response(404, "no storefront collector for shop '" + shopId + "'; the merchant sets it"
                    + " up at /api/shops/{id}/storefront");
        }
        AllowedOrigins origins = AllowedOrigins.of(storefront.get().origins());
        try {
            EventEnvelope event = collector.collect(new StorefrontShop(storefront.get().shop(),
                    storefront.get().publicKey(), origins), origin, key, servletRequest.getRemoteAddr(), read(body));
            engine.accept(List.of(event));
            count("accepted");
            return withHeaders(Response.accepted().build(), origins.corsHeaders(origin));
        } catch (CollectException e) {
            count(e.problem().name().toLowerCase(Locale.ROOT));
            Response.ResponseBuilder answer = Response.fromResponse(Problem.response(e.httpStatus(), e.getMessage()));
            e.retryAfter().ifPresent(wait -> answer.header("Retry-After", Math.max(1, wait.toSeconds())));
            return withHeaders(answer.build(), origins.corsHeaders(origin));
        }
    }

    private Optional<Storefront> storefront(String shopId) {
        ShopId id;
        try {
            id = ShopId.of(shopId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (shops.find(id).filter(shop -> shop.installed()).isEmpty()) {
            return Optional.empty();
        }
        return storefronts.find(id);
    }

    private Optional<AllowedOrigins> origins(String shopId) {
        return storefront(shopId).map(s -> AllowedOrigins.of(s.origins()));
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            return body.readNBytes(READ_LIMIT);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static Response withHeaders(Response response, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.fromResponse(response);
        headers.forEach(builder::header);
        return builder.build();
    }

    private void count(String outcome) {
        metrics.counter("beckon_collector_events", new Tag("outcome", outcome)).inc();
    }
}
