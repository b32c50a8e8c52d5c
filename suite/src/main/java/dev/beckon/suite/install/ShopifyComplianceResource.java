package dev.beckon.suite.install;

import dev.beckon.adapters.shopify.install.ShopDomain;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.webhooks.WebhookAnswer;
import dev.beckon.suite.webhooks.WebhookResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Shopify's three mandatory compliance webhooks ({@code customers/data_request}, {@code customers/redact},
 * {@code shop/redact}), configured app-wide in {@code shopify.app.toml} to {@code /webhooks/shopify/compliance}.
 * The URL carries no shop id, so the shop is resolved from {@code X-Shopify-Shop-Domain}; then the delivery takes
 * exactly the path of {@code /webhooks/shopify/{shopId}} (HMAC check, inbox). A delivery for a shop Beckon does
 * not know is still checked against the app's client secret: a bad HMAC is 401 (what app review tests), a good
 * one is acknowledged, since Beckon holds nothing on that shop.
 */
@Path("webhooks/shopify/compliance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class ShopifyComplianceResource {

    static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
    static final String HMAC = "X-Shopify-Hmac-Sha256";

    @Inject
    WebhookResource webhooks;

    @Inject
    PluginRegistry<PlatformAdapter> platforms;

    @Inject
    JdbcShopStore shops;

    @Inject
    InstallSettings settings;

    @Inject
    SuiteSettings suiteSettings;

    @POST
    @Operation(summary = "Receive a Shopify compliance webhook",
            description = "customers/data_request, customers/redact, shop/redact; signed with the app's client"
                    + " secret; the shop is named by X-Shopify-Shop-Domain.")
    @RequestBody(content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "400", description = "No or a foreign X-Shopify-Shop-Domain",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong HMAC; nothing stored")
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        ShopDomain domain = ShopDomain.validate(headers.getHeaderString(SHOP_DOMAIN)).orElseThrow(() ->
                new ProblemException(400, SHOP_DOMAIN + " must name the myshopify.com shop"));
        PlatformAdapter shopify = platforms.find(ShopifyInstallResource.PLATFORM).orElseThrow(() ->
                new ProblemException(404, "the Shopify adapter is not installed"));
        Shop shop = shops.findByPlatformAndDomain(ShopifyInstallResource.PLATFORM, domain.value()).orElse(null);
        if (shop != null) {
            return webhooks.ingest(shopify, shop, headers, body);
        }
        if (!settings.shopifyConfigured()) {
            throw new ProblemException(404, "no Beckon shop for " + domain.value());
        }
        byte[] bytes = InstallErrors.body(body, (int) Math.min(suiteSettings.webhookMaxBodyBytes(), 8 << 20));
        if (!signed(bytes, headers.getHeaderString(HMAC))) {
            return Problem.response(401, "the webhook's " + HMAC + " does not match its body");
        }
        return Response.ok(new WebhookAnswer("ignored", 0, 0, "no Beckon shop for " + domain.value()
                + "; Beckon holds no data on it")).build();
    }

    private boolean signed(byte[] body, String given) {
        if (given == null || given.isBlank()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(given.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.shopifyClientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), claimed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
