package dev.beckon.suite.beacons;

import dev.beckon.api.model.ShopId;
import dev.beckon.gateway.acl.JdbcCredentialStore;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * MQTT credentials for the shop's store app installs: with one, an install may subscribe to its own offers topic
 * {@code beckon/<shopId>/apps/<installId>/offers} and publish sightings as a roaming (zone-less) scanner of the
 * shop, nothing else.
 */
@Path("api/shops/{shopId}/apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores and beacons")
@SecurityRequirement(name = "bearer")
public class AppCredentialResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcCredentialStore credentials;

    @POST
    @Path("{installId}/credentials")
    @Operation(summary = "Issue an MQTT credential for an app install",
            description = "Answers {username, password}; the password is shown only here. installId is 1-200"
                    + " characters without '/', '+', '#' or a leading '$' (it is a topic level).")
    public Response issue(@PathParam("shopId") String shopId, @PathParam("installId") String installId) {
        ShopId shop = ShopResource.find(shops, shopId).id();
        if (!JdbcCredentialStore.isInstallId(installId)) {
            throw new ProblemException(400, "installId must be 1-200 characters without '/', '+', '#' or a leading"
                    + " '$'");
        }
        return StoreResource.credential(credentials.issueForAppInstall(shop, installId));
    }
}
