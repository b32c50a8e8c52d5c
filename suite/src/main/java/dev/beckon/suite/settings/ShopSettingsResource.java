package dev.beckon.suite.settings;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.settings.SettingsValidationException;
import dev.beckon.engine.settings.ShopSettings;
import dev.beckon.engine.settings.ShopSettingsJson;
import dev.beckon.suite.errors.InvalidFields;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A shop's contact rules: its sending window (quiet hours, per country too), frequency caps per channel, default
 * time zone and re-entry cooldown. Every journey's messages pass them.
 */
@Path("api/shops/{shopId}/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
@SecurityRequirement(name = "bearer")
public class ShopSettingsResource {

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @GET
    @Operation(summary = "Show the shop's quiet hours, frequency caps and time zone (defaults until changed)")
    public String get(@PathParam("shopId") String shopId) {
        Shop shop = ShopResource.find(shops, shopId);
        return ShopSettingsJson.write(engine.shopSettings(shop.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the shop's settings", description = "Send the whole document as GET shows it.")
    @APIResponse(responseCode = "200", description = "Stored; the stored settings")
    @APIResponse(responseCode = "400", description = "Every wrong field with what is expected")
    public Response put(@PathParam("shopId") String shopId, String body) {
        Shop shop = ShopResource.find(shops, shopId);
        ShopSettings settings;
        try {
            settings = ShopSettingsJson.read(body);
        } catch (SettingsValidationException e) {
            return InvalidFields.response("the settings were not changed: " + e.errors().size() + " field(s) are wrong",
                    e.errors().stream().map(f -> new InvalidFields.InvalidField(f.field(), f.message())).toList());
        }
        engine.updateShopSettings(shop.id(), settings);
        return Response.ok(ShopSettingsJson.write(engine.shopSettings(shop.id()))).build();
    }
}
