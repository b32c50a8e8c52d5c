package dev.beckon.suite.install;

import dev.beckon.adapters.woocommerce.install.WooInstall;
import dev.beckon.adapters.woocommerce.install.WooInstallException;
import dev.beckon.adapters.woocommerce.install.WooInstallation;
import dev.beckon.adapters.woocommerce.install.WooWebhook;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the WooCommerce store calls back: the key callback (the store POSTs the REST keys the merchant approved;
 * Beckon trusts them only after a test call to the store succeeds, then creates the webhooks with a fresh secret)
 * and the page the merchant's browser returns to.
 */
@Path("install/woocommerce/{shopId}")
@RequestScoped
@Tag(name = "Install")
public class WooInstallCallbackResource {

    /** Twice what WooCommerce sends; the adapter refuses more than 8 KiB anyway. */
    static final int MAX_BODY = 16 * 1024;

    @Inject
    JdbcShopStore shops;

    @Inject
    WooInstall woo;

    @Inject
    Clock clock;

    @POST
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "WooCommerce key callback",
            description = "The store posts {key_id, user_id, consumer_key, consumer_secret, key_permissions}.")
    @APIResponse(responseCode = "200", description = "Keys tested, webhooks created, shop installed")
    @APIResponse(responseCode = "400", description = "Not the body WooCommerce sends",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Foreign user_id, not read_write, or the store refused the keys")
    @APIResponse(responseCode = "404", description = "No such shop, or no install waiting for it")
    @APIResponse(responseCode = "502", description = "The store could not be reached or failed")
    public Response callback(@PathParam("shopId") String shopId, InputStream body) {
        Shop shop = ShopResource.find(shops, shopId);
        if (!WooInstallStartResource.PLATFORM.equals(shop.platform())) {
            throw new ProblemException(404, "shop '" + shopId + "' is not a woocommerce shop");
        }
        WooInstallation installation;
        try {
            installation = woo.complete(shop.id(), InstallErrors.body(body, MAX_BODY));
        } catch (WooInstallException e) {
            throw new ProblemException(e.httpStatus(), e.getMessage());
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("consumer_key", installation.keys().consumerKey());
        credentials.put("consumer_secret", installation.keys().consumerSecret());
        credentials.put("key_id", installation.keys().keyId());
        credentials.put("store_url", installation.store().toString());
        credentials.put("auth", installation.auth().name());
        credentials.put("webhook_ids", installation.webhooks().stream().map(WooWebhook::id)
                .collect(Collectors.joining(",")));
        shops.rotateWebhookSecret(shop.id(), installation.webhookSecret());
        shops.saveCredentials(shop.id(), credentials, clock.instant());
        return Response.ok(Json.createObjectBuilder()
                .add("status", "installed")
                .add("webhooks", installation.webhooks().size())
                .build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("return")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Where WooCommerce sends the merchant back after approving or denying")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Response back(@PathParam("shopId") String shopId, @QueryParam("success") String success) {
        Shop shop = ShopResource.find(shops, shopId);
        boolean installed = shop.installed() && shops.credentials(shop.id()).containsKey("consumer_key");
        if (installed) {
            return InstallPages.message(200, "Beckon is installed on " + shop.domain(),
                    "Beckon received and tested the store's REST keys and created its webhooks.");
        }
        if ("0".equals(success)) {
            return InstallPages.message(200, "Beckon was not installed",
                    "The approval was declined in WooCommerce. Start the install again from Beckon to retry.");
        }
        return InstallPages.message(200, "Beckon is not installed yet on " + shop.domain(),
                "WooCommerce reported the approval, but Beckon could not verify the keys. Start the install again"
                        + " from Beckon.");
    }
}
