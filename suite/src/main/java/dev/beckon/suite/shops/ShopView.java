package dev.beckon.suite.shops;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A shop as the merchant API shows it. {@code apiKey} is present only in the answer that creates the shop.
 */
@JsonbNillable
@Schema(name = "Shop")
public record ShopView(
        @Schema(required = true) String id,
        @Schema(required = true) String platform,
        @Schema(required = true) String domain,
        @Schema(description = "Bearer key for /api/shops/{id}/**; shown once, at creation.") String apiKey,
        @Schema(required = true, example = "/webhooks/shopify/{id}") String webhookUrl,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, enumeration = {"installed", "uninstalled"}) String status,
        @Schema(description = "When the platform said the app was uninstalled") Instant uninstalledAt) {

    static ShopView of(Shop shop, String apiKey) {
        return new ShopView(shop.id().value(), shop.platform(), shop.domain(), apiKey,
                "/webhooks/" + shop.platform() + "/" + shop.id().value(), shop.createdAt(),
                shop.installed() ? "installed" : "uninstalled", shop.uninstalledAt());
    }
}
