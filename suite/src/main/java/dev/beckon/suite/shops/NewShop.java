package dev.beckon.suite.shops;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/shops}.
 *
 * @param platform                platform id ({@code shopify})
 * @param domain                  the store's domain ({@code x.myshopify.com})
 * @param webhookSecret           the secret the platform signs webhooks with (Shopify: the app's client secret)
 * @param abandonedCheckoutDelay  optional ISO-8601 wait before the abandoned-checkout SMS ({@code PT1H})
 */
@Schema(name = "NewShop", description = "A store installation to register.")
public record NewShop(
        @Schema(required = true, example = "shopify") String platform,
        @Schema(required = true, example = "x.myshopify.com") String domain,
        @Schema(required = true, description = "The secret the platform signs webhooks with.") String webhookSecret,
        @Schema(example = "PT1H", description = "Wait before the abandoned-checkout SMS; the suite default if absent.")
        String abandonedCheckoutDelay) {
}
