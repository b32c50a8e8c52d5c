package dev.beckon.suite.install;

import dev.beckon.adapters.bigcommerce.admin.BigCommerceClients;
import dev.beckon.adapters.bigcommerce.install.BigCommerceInstallation;
import dev.beckon.adapters.bigcommerce.install.StoreSession;
import dev.beckon.adapters.install.InstallException;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.Uninstalls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * BigCommerce's app callbacks, as set in the Developer Portal: Auth ({@code /install/bigcommerce/auth}), Load,
 * Uninstall and Remove User. The store is registered as {@code store-{hash}.mybigcommerce.com} with the app's client
 * secret as its webhook secret (BigCommerce signs webhooks with it).
 */
@Path("install/bigcommerce")
@RequestScoped
@Tag(name = "Install")
public class BigCommerceInstallResource {

    static final String PLATFORM = "bigcommerce";

    @Inject
    Installers installers;

    @Inject
    InstalledShops installedShops;

    @Inject
    JdbcShopStore shops;

    @Inject
    Uninstalls uninstalls;

    @Inject
    BigCommerceClients clients;

    @Inject
    InstallSettings settings;

    @Inject
    Clock clock;

    static String domain(String storeHash) {
        return "store-" + storeHash + ".mybigcommerce.com";
    }

    @GET
    @Path("auth")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "BigCommerce Auth Callback",
            description = "Exchanges the code for the store's permanent token, creates the store's webhooks and"
                    + " registers the shop.")
    @APIResponse(responseCode = "200", description = "Installed; an HTML page (with the API key on first install)")
    @APIResponse(responseCode = "400", description = "A missing or malformed code, scope or context",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "BigCommerce refused the code or a required scope is missing")
    @APIResponse(responseCode = "502", description = "BigCommerce did not answer; try again")
    @APIResponse(responseCode = "503", description = "The BigCommerce app's client id or secret is not configured")
    public Response auth(@Context UriInfo uri) {
        Map<String, String> query = InstallErrors.single(uri.getQueryParameters());
        AtomicReference<InstalledShops.Resolved> resolved = new AtomicReference<>();
        BigCommerceInstallation installation;
        try {
            installation = installers.bigCommerce(storeHash -> {
                resolved.set(resolve(storeHash));
                return settings.publicUrl("/webhooks/bigcommerce/" + resolved.get().shop().id().value());
            }).auth(query);
        } catch (InstallException e) {
            throw InstallErrors.problem(e);
        }
        InstalledShops.Resolved shop = resolved.get() != null ? resolved.get() : resolve(installation.storeHash());
        shops.saveCredentials(shop.shop().id(), Map.of(
                "access_token", installation.accessToken(),
                "store_hash", installation.storeHash(),
                "scopes", String.join(",", new TreeSet<>(installation.grantedScopes()))), clock.instant());
        List<String> notes = installation.hookProblems().isEmpty()
                ? List.of(installation.hooks().size() + " webhooks created.")
                : installation.hookProblems().stream().map(p -> "Webhook not created: " + p).toList();
        return InstallPages.installed(domain(installation.storeHash()), shop.shop().id().value(), shop.newApiKey(),
                notes);
    }

    @GET
    @Path("load")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "BigCommerce Load Callback", description = "The app's page in the store's control panel.")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "401", description = "HTML: the signed_payload_jwt is expired or not signed by"
            + " BigCommerce for this app")
    public Response load(@QueryParam("signed_payload_jwt") String jwt) {
        StoreSession session;
        try {
            session = installers.bigCommerce().load(jwt);
        } catch (InstallException e) {
            InstallErrors.log(e);
            return InstallPages.message(e.kind().httpStatus(), "Beckon could not open", e.getMessage()
                    + " Open the app again from the store's control panel.");
        }
        Shop shop = shops.findByPlatformAndDomain(PLATFORM, domain(session.storeHash())).orElse(null);
        if (shop == null || !shop.installed()) {
            return InstallPages.message(404, "Beckon is not installed on this store",
                    "Install Beckon on " + domain(session.storeHash()) + " from the app marketplace first.");
        }
        return InstallPages.message(200, "Beckon is installed on " + domain(session.storeHash()),
                "Beckon shop id: " + shop.id().value() + ". Journeys run from Beckon's merchant API.");
    }

    @GET
    @Path("uninstall")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "BigCommerce Uninstall Callback",
            description = "Deletes the store's credentials and stops all of its journeys.")
    @APIResponse(responseCode = "204", description = "Uninstalled")
    @APIResponse(responseCode = "401", description = "The signed_payload_jwt is expired or not signed by BigCommerce",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No Beckon shop for this store")
    public Response uninstall(@QueryParam("signed_payload_jwt") String jwt) {
        StoreSession session;
        try {
            session = installers.bigCommerce().uninstall(jwt);
        } catch (InstallException e) {
            throw InstallErrors.problem(e);
        }
        Shop shop = shops.findByPlatformAndDomain(PLATFORM, domain(session.storeHash())).orElseThrow(() ->
                new ProblemException(404, "no Beckon shop for BigCommerce store " + session.storeHash()));
        uninstalls.uninstalledByCallback(shop, PLATFORM);
        clients.forget(session.storeHash());
        return Response.noContent().build();
    }

    @GET
    @Path("remove_user")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "BigCommerce Remove User Callback",
            description = "A store user lost access to the app; Beckon keeps no per-user state, so it only checks the"
                    + " call.")
    @APIResponse(responseCode = "204", description = "Noted")
    @APIResponse(responseCode = "401", description = "The signed_payload_jwt is expired or not signed by BigCommerce",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response removeUser(@QueryParam("signed_payload_jwt") String jwt) {
        try {
            installers.bigCommerce().removeUser(jwt);
        } catch (InstallException e) {
            throw InstallErrors.problem(e);
        }
        return Response.noContent().build();
    }

    private InstalledShops.Resolved resolve(String storeHash) {
        return installedShops.findOrCreate(PLATFORM, domain(storeHash), settings.bigCommerceClientSecret());
    }
}
