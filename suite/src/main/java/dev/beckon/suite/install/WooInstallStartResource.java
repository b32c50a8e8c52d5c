package dev.beckon.suite.install;

import dev.beckon.adapters.woocommerce.install.StoreUrl;
import dev.beckon.adapters.woocommerce.install.WooInstall;
import dev.beckon.adapters.woocommerce.install.WooInstallException;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Locale;

/**
 * Starts a WooCommerce install for a registered {@code woocommerce} shop (merchant API, bearer): Beckon remembers
 * the pending install and answers the store's {@code /wc-auth/v1/authorize} URL; the store then posts the keys to
 * {@code /install/woocommerce/{shopId}/callback}.
 */
@Path("api/shops/{shopId}/install/woocommerce")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Install")
@SecurityRequirement(name = "bearer")
public class WooInstallStartResource {

    static final String PLATFORM = "woocommerce";
    static final String APP_NAME = "Beckon";

    @Inject
    JdbcShopStore shops;

    @Inject
    WooInstall woo;

    @Inject
    InstallSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a WooCommerce install", description = "Answers the URL to send the merchant to.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WooAuthorizeUrl.class)))
    @APIResponse(responseCode = "400", description = "Not a usable https store URL, or not the shop's domain",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such shop (or not yours)")
    @APIResponse(responseCode = "409", description = "The shop is not a WooCommerce shop")
    public WooAuthorizeUrl start(@PathParam("shopId") String shopId, WooInstallStart body) {
        Shop shop = ShopResource.find(shops, shopId);
        if (!PLATFORM.equals(shop.platform())) {
            throw new ProblemException(409, "shop '" + shopId + "' is a " + shop.platform()
                    + " shop; WooCommerce installs are for woocommerce shops");
        }
        if (body == null || body.storeUrl() == null || body.storeUrl().isBlank()) {
            throw new ProblemException(400, "send a JSON object with storeUrl, the store's home page address");
        }
        String base = "/install/woocommerce/" + shop.id().value();
        URI authorize;
        try {
            String storeAuthority = StoreUrl.parse(body.storeUrl(), settings.wooAllowHttpStores()).authority()
                    .toLowerCase(Locale.ROOT);
            String shopAuthority = shop.domain().replaceFirst("^https?://", "").toLowerCase(Locale.ROOT);
            if (!storeAuthority.equals(shopAuthority)) {
                throw new ProblemException(400, "the store URL's host " + storeAuthority + " is not the shop's"
                        + " domain " + shopAuthority + "; webhooks from it would not verify");
            }
            authorize = woo.authorizeUrl(body.storeUrl(), APP_NAME, shop.id(), settings.publicUrl(base + "/return"),
                    settings.publicUrl(base + "/callback"));
        } catch (WooInstallException e) {
            throw new ProblemException(e.httpStatus(), e.getMessage());
        }
        return new WooAuthorizeUrl(authorize.toString());
    }
}
