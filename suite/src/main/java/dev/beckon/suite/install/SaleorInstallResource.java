package dev.beckon.suite.install;

import dev.beckon.adapters.saleor.install.AppManifest;
import dev.beckon.adapters.saleor.install.SaleorCredentials;
import dev.beckon.adapters.saleor.install.SaleorInstallException;
import dev.beckon.adapters.saleor.install.SaleorRegistration;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/**
 * Saleor's app install for a registered {@code saleor} shop: the dashboard reads the manifest, then posts the app
 * token to {@code tokenTargetUrl}; Beckon checks the API URL (https, a public and allowed host, the shop's
 * domain), verifies the token with Saleor and fetches the instance's signing keys before storing anything.
 */
@Path("install/saleor/{shopId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Install")
public class SaleorInstallResource {

    static final String PLATFORM = "saleor";
    static final int MAX_BODY = 16 * 1024;

    @Inject
    JdbcShopStore shops;

    @Inject
    AppManifest manifest;

    @Inject
    SaleorRegistration registration;

    @Inject
    Clock clock;

    @GET
    @Path("manifest")
    @Operation(summary = "The Saleor app manifest of this shop", description = "Paste its URL into the dashboard.")
    @APIResponse(responseCode = "200", description = "The manifest JSON")
    @APIResponse(responseCode = "404", description = "No such Saleor shop",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response manifest(@PathParam("shopId") String shopId) {
        Shop shop = saleorShop(shopId);
        return Response.ok(manifest.json(shop.id()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("register")
    @Operation(summary = "Saleor's register call", description = "Body {\"auth_token\": \"…\"} with the"
            + " saleor-api-url (and saleor-domain) headers.")
    @APIResponse(responseCode = "200", description = "Registered")
    @APIResponse(responseCode = "400", description = "A missing or malformed header or body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Saleor did not accept the token")
    @APIResponse(responseCode = "403", description = "A host that is private, not allowed, or not the shop's domain")
    @APIResponse(responseCode = "404", description = "No such Saleor shop")
    @APIResponse(responseCode = "502", description = "Saleor or its signing keys could not be reached")
    public Response register(@PathParam("shopId") String shopId, @HeaderParam("saleor-api-url") String apiUrl,
                             @HeaderParam("saleor-domain") String domain, InputStream body) {
        Shop shop = saleorShop(shopId);
        SaleorCredentials credentials;
        try {
            credentials = registration.register(shop.id(), apiUrl, domain, shop.domain(),
                    InstallErrors.body(body, MAX_BODY));
        } catch (SaleorInstallException e) {
            throw new ProblemException(e.httpStatus(), e.getMessage());
        }
        shops.saveCredentials(shop.id(), Map.of(
                "auth_token", credentials.authToken(),
                "api_url", credentials.apiUrl().toString(),
                "app_id", credentials.appId()), clock.instant());
        return Response.ok("{\"success\":true}", MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Shop saleorShop(String shopId) {
        Shop shop = ShopResource.find(shops, shopId);
        if (!PLATFORM.equals(shop.platform())) {
            throw new ProblemException(404, "shop '" + shopId + "' is not a saleor shop");
        }
        return shop;
    }
}
