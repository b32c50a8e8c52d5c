package dev.beckon.suite.install;

import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.api.model.CustomerId;
import dev.beckon.suite.errors.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Whether a shop's install finished: which credentials Beckon holds for it, by name, never their values; and a live
 * admin-API lookup through them (under Fault Tolerance).
 */
@Path("api/shops/{shopId}/installation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Install")
@SecurityRequirement(name = "bearer")
public class InstallationResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    AdminApiCalls admin;

    @GET
    @Operation(summary = "Show the shop's installation")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstallationView.class)))
    @APIResponse(responseCode = "404", description = "No such shop (or not yours)")
    public InstallationView get(@PathParam("shopId") String shopId) {
        Shop shop = ShopResource.find(shops, shopId);
        List<String> names = List.copyOf(shops.credentials(shop.id()).keySet());
        return new InstallationView(shop.id().value(), shop.platform(), shop.domain(),
                shop.installed() ? "installed" : "uninstalled", names);
    }

    @GET
    @Path("customers/{customerId}")
    @Operation(summary = "Look a customer up through the store's admin API",
            description = "What Beckon's journeys see: email, phone and marketing consent, read live from the"
                    + " platform with the installed credentials (Shopify, BigCommerce). Proves the install works.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerContactView.class)))
    @APIResponse(responseCode = "404", description = "No such shop or customer")
    @APIResponse(responseCode = "409", description = "Not installed, the token was revoked, or no admin API for the"
            + " platform")
    @APIResponse(responseCode = "502", description = "The platform failed or answered something unreadable")
    @APIResponse(responseCode = "503", description = "The platform is unavailable (circuit open, timeout)")
    public CustomerContactView customer(@PathParam("shopId") String shopId,
                                        @PathParam("customerId") String customerId) {
        Shop shop = ShopResource.find(shops, shopId);
        CustomerId customer;
        try {
            customer = CustomerId.of(customerId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "customerId is not a customer id");
        }
        try {
            return CustomerContactView.of(admin.customer(shop.platform(), admin.credentials(shop), customer));
        } catch (PlatformCallException e) {
            throw new ProblemException(switch (e.kind()) {
                case NOT_FOUND -> 404;
                case UNAUTHENTICATED, REJECTED -> 409;
                case RATE_LIMITED, UNAVAILABLE -> 503;
                case MALFORMED_ANSWER -> 502;
            }, e.getMessage());
        } catch (FaultToleranceException e) {
            throw new ProblemException(503, shop.platform() + " is unavailable right now ("
                    + e.getClass().getSimpleName() + "); try again later");
        }
    }
}
