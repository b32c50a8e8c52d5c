package dev.beckon.suite.install;

import dev.beckon.adapters.install.InstallException;
import dev.beckon.adapters.shopify.install.AuthorizeRedirect;
import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.adapters.shopify.install.ShopifyInstall;
import dev.beckon.adapters.shopify.install.ShopifyInstallation;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.shops.JdbcShopStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Shopify's authorization-code install: the merchant's browser starts at {@code /install/shopify?shop=…} and comes
 * back to {@code /install/shopify/callback} from Shopify. The shop is registered (webhook secret = the app's client
 * secret, which Shopify signs webhooks with) once Shopify has vouched for it, and its offline token is stored.
 */
@Path("install/shopify")
@RequestScoped
@Tag(name = "Install")
public class ShopifyInstallResource {

    static final String PLATFORM = "shopify";

    @Inject
    Installers installers;

    @Inject
    InstalledShops installedShops;

    @Inject
    JdbcShopStore shops;

    @Inject
    InstallSettings settings;

    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Start a Shopify install, or open the embedded app",
            description = "Without id_token: redirects the merchant's browser to the shop's authorize page with a fresh"
                    + " one-time state. With the id_token Shopify adds when the merchant opens the embedded app (a"
                    + " Shopify-managed install): verifies the session token, exchanges it for the offline token,"
                    + " subscribes the webhooks and answers the installed page.")
    @APIResponse(responseCode = "200", description = "Installed from the session token; an HTML page")
    @APIResponse(responseCode = "302", description = "To https://{shop}/admin/oauth/authorize")
    @APIResponse(responseCode = "400", description = "shop is not a myshopify.com domain, or an unreadable id_token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "An id_token not signed for this app, or expired",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The Shopify app's client id or secret is not configured")
    public Response start(@QueryParam("shop") String shop, @QueryParam("id_token") String idToken) {
        if (idToken != null) {
            return installed(install -> install.completeEmbedded(idToken));
        }
        ShopifyInstall install = installers.shopify(domain -> {
            throw new IllegalStateException("no webhooks before the callback");
        });
        AuthorizeRedirect redirect;
        try {
            redirect = install.authorizeUrl(shop);
        } catch (InstallException e) {
            throw InstallErrors.problem(e);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.FOUND).location(redirect.url()).cacheControl(noStore).build();
    }

    @GET
    @Path("callback")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Finish a Shopify install",
            description = "Shopify's redirect back: checks the shop, the query HMAC, the timestamp and the one-time"
                    + " state, exchanges the code for the offline token and subscribes the shop's webhooks.")
    @APIResponse(responseCode = "200", description = "Installed; an HTML page (with the API key on first install)")
    @APIResponse(responseCode = "400", description = "A foreign shop domain or a missing parameter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Wrong HMAC, stale timestamp, or a used or unknown state",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Shopify refused the code")
    @APIResponse(responseCode = "502", description = "Shopify did not answer; try again")
    @APIResponse(responseCode = "503", description = "The Shopify app's client id or secret is not configured")
    public Response callback(@Context UriInfo uri) {
        Map<String, String> query = InstallErrors.single(uri.getQueryParameters());
        return installed(install -> install.complete(query));
    }

    /** Runs one install flow, then stores the shop's token and answers the installed page. */
    private Response installed(Function<ShopifyInstall, ShopifyInstallation> flow) {
        AtomicReference<InstalledShops.Resolved> resolved = new AtomicReference<>();
        Function<ShopDomain, URI> webhookUrl = domain -> {
            resolved.set(resolve(domain));
            return settings.publicUrl("/webhooks/shopify/" + resolved.get().shop().id().value());
        };
        ShopifyInstallation installation;
        try {
            installation = flow.apply(installers.shopify(webhookUrl));
        } catch (InstallException e) {
            throw InstallErrors.problem(e);
        }
        InstalledShops.Resolved shop = resolved.get() != null ? resolved.get() : resolve(installation.shop());
        shops.saveCredentials(shop.shop().id(), Map.of(
                "access_token", installation.accessToken(),
                "scopes", String.join(",", new TreeSet<>(installation.grantedScopes()))), clock.instant());
        List<String> notes = installation.webhookProblems().isEmpty()
                ? List.of(installation.webhooks().size() + " webhook subscriptions made.")
                : installation.webhookProblems().stream().map(p -> "Webhook not subscribed: " + p).toList();
        return InstallPages.installed(installation.shop().value(), shop.shop().id().value(), shop.newApiKey(), notes);
    }

    private InstalledShops.Resolved resolve(ShopDomain domain) {
        return installedShops.findOrCreate(PLATFORM, domain.value(), settings.shopifyClientSecret());
    }
}
