package dev.beckon.suite.shops;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registers shops (operator) and shows one (operator or the shop's key). */
@Path("api/shops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
@SecurityRequirement(name = "bearer")
public class ShopResource {

    private static final Pattern HOSTNAME =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    @Inject
    JdbcShopStore shops;

    @Inject
    PluginRegistry<PlatformAdapter> platforms;

    @Inject
    ProactiveEngine engine;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a shop", description = "Operator token only. Answers the shop's API key once.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ShopView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(NewShop body) {
        if (body == null) {
            throw new ProblemException(400, "send a JSON object with platform, domain and webhookSecret");
        }
        String platform = required(body.platform(), "platform").toLowerCase(Locale.ROOT);
        if (platforms.find(platform).isEmpty()) {
            throw new ProblemException(400, "unknown platform '" + platform + "'; known: "
                    + String.join(", ", platforms.ids()));
        }
        String domain = domain(required(body.domain(), "domain")).orElseThrow(() -> new ProblemException(400,
                "domain must be the store's host name, such as x.myshopify.com (a port and http:// for a local"
                        + " store are allowed); got '" + body.domain() + "'"));
        String secret = required(body.webhookSecret(), "webhookSecret");
        if (secret.length() > 512) {
            throw new ProblemException(400, "webhookSecret must be at most 512 characters");
        }
        Duration delay = body.abandonedCheckoutDelay() == null ? null
                : positiveDuration(body.abandonedCheckoutDelay(), "abandonedCheckoutDelay");

        Shop shop = new Shop(ShopId.random(), platform, domain, secret, null, clock.instant());
        String apiKey = ApiKeys.newKey();
        shops.create(shop, ApiKeys.hash(apiKey));
        if (delay != null) {
            engine.updateAbandonedCheckoutSettings(shop.id(), true, delay);
        }
        return Response.created(URI.create("/api/shops/" + shop.id())).entity(ShopView.of(shop, apiKey)).build();
    }

    @GET
    @Path("{shopId}")
    @Operation(summary = "Show a shop")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ShopView.class)))
    @APIResponse(responseCode = "404", description = "No such shop (or not yours)")
    public ShopView get(@PathParam("shopId") String shopId) {
        return ShopView.of(find(shops, shopId), null);
    }

    /** The shop, or a 404 problem. */
    public static Shop find(JdbcShopStore shops, String shopId) {
        ShopId id;
        try {
            id = ShopId.of(shopId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "no shop '" + shopId + "'");
        }
        return shops.find(id).orElseThrow(() -> new ProblemException(404, "no shop '" + shopId + "'"));
    }

    /** Parses an ISO-8601 duration of at least one second, or answers 400 naming the field. */
    public static Duration positiveDuration(String value, String field) {
        Duration duration;
        try {
            duration = Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(400, field + " must be an ISO-8601 duration such as PT1H or PT30M, got '"
                    + value + "'");
        }
        if (duration.getSeconds() < 1) {
            throw new ProblemException(400, field + " must be at least one second, got " + value);
        }
        return duration;
    }

    /**
     * The store's host name, lower case, with a port if it has one ({@code shop.example.com:8443}). HTTPS is
     * implied; a store that really serves plain HTTP (a local Saleor or headless store under development) keeps
     * its {@code http://} so keys are fetched from where it really is.
     */
    static Optional<String> domain(String given) {
        String text = given.strip().toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
        String scheme = text.startsWith("http://") ? "http://" : "";
        String host = text.replaceFirst("^https?://", "");
        String name = host.replaceFirst(":\\d{1,5}$", "");
        if (!HOSTNAME.matcher(name).matches() && !"localhost".equals(name)) {
            return Optional.empty();
        }
        return Optional.of(scheme + host);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(400, field + " is required");
        }
        return value.strip();
    }
}
