package dev.beckon.suite.collector;

import dev.beckon.adapters.storefront.AllowedOrigins;
import dev.beckon.adapters.storefront.Snippets;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The merchant's side of the storefront collector: its public key, its allowed origins and the snippet. */
@Path("api/shops/{shopId}/storefront")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Storefront collector")
@SecurityRequirement(name = "bearer")
public class StorefrontResource {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_ORIGINS = 20;

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcStorefrontStore storefronts;

    @Inject
    SuiteSettings settings;

    @GET
    @Operation(summary = "The shop's collector key, origins and snippet",
            description = "Set up on first use: a new public key, and the shop's own domain as the one origin.")
    public StorefrontJson get(@PathParam("shopId") String shopId) {
        return json(current(ShopResource.find(shops, shopId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the storefront origins allowed to post",
            description = "Body: {\"origins\": [\"https://shop.example.com\", \"https://www.shop.example.com\"]}."
                    + " Exact origins (scheme, host, port), no wildcards.")
    public StorefrontJson put(@PathParam("shopId") String shopId, JsonObject body) {
        Shop shop = ShopResource.find(shops, shopId);
        List<String> origins = origins(body);
        Storefront current = current(shop);
        return json(storefronts.saveOrigins(new Storefront(shop.id(), current.publicKey(), origins)));
    }

    private Storefront current(Shop shop) {
        String domain = shop.domain().startsWith("http://") ? shop.domain() : "https://" + shop.domain();
        return storefronts.findOrCreate(shop.id(), () -> Snippets.newPublicKey(RANDOM), List.of(domain));
    }

    private StorefrontJson json(Storefront storefront) {
        URI base = settings.publicBaseUrl();
        String collectUrl = base.toString().replaceAll("/+$", "") + "/collect/" + storefront.shop().value();
        return new StorefrontJson(storefront.publicKey(), storefront.origins(), collectUrl,
                Snippets.scriptTag(base, storefront.shop(), storefront.publicKey()),
                Snippets.shopifyWebPixel(base, storefront.shop(), storefront.publicKey()));
    }

    private static List<String> origins(JsonObject body) {
        if (body == null || !(body.get("origins") instanceof JsonArray array)) {
            throw new ProblemException(400, "send {\"origins\": [\"https://shop.example.com\", …]}");
        }
        if (array.isEmpty() || array.size() > MAX_ORIGINS) {
            throw new ProblemException(400, "origins must hold 1 to " + MAX_ORIGINS + " origins, got " + array.size());
        }
        List<String> origins = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString text)) {
                throw new ProblemException(400, "each origin must be a string such as \"https://shop.example.com\"");
            }
            origins.add(text.getString());
        }
        try {
            return List.copyOf(AllowedOrigins.of(origins).origins());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
    }
}
