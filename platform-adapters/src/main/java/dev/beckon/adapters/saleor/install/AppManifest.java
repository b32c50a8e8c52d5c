package dev.beckon.adapters.saleor.install;

import dev.beckon.api.model.ShopId;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The app manifest a Saleor dashboard reads to install Beckon for one shop (knowledge file 6.2; saleor-docs
 * {@code manifest.mdx}), served at {@code GET /install/saleor/{shopId}/manifest}:
 * {@code id, version, name, about, author, permissions, appUrl, tokenTargetUrl, requiredSaleorVersion (if set),
 * webhooks[{name, asyncEvents, query, targetUrl, isActive}]}.
 *
 * <p>Permissions are {@link #PERMISSIONS}. The webhooks deliver to {@code {base}/webhooks/saleor/{shopId}} and their
 * subscription queries select exactly what {@code SaleorAdapter} maps, plus {@code issuedAt} for its dedup key. The
 * register call goes to {@code {base}/install/saleor/{shopId}/register}; the dashboard iframe opens
 * {@code {base}/}. Immutable and thread-safe.
 */
public final class AppManifest {

    /** Orders and checkouts for the journeys, users for the shopper's contact. */
    public static final List<String> PERMISSIONS = List.of("MANAGE_ORDERS", "MANAGE_CHECKOUTS", "MANAGE_USERS");

    /** One webhook the manifest declares. */
    record Webhook(String name, List<String> asyncEvents, String query) {
    }

    private static final String USER = "user { id email firstName lastName }";
    private static final String GROSS = "{ gross { amount currency } }";
    private static final String ORDER = "order { id number userEmail created checkoutId " + USER
            + " total " + GROSS + " lines { quantity productName productSku variant { id product { id } } unitPrice "
            + GROSS + " } }";
    private static final String CHECKOUT = "checkout { id token email updatedAt lastChange " + USER
            + " totalPrice " + GROSS + " lines { quantity unitPrice " + GROSS
            + " variant { id sku name product { id name } } } }";
    private static final String CUSTOMER = "user { id email firstName lastName updatedAt }";

    /** The webhooks, in manifest order. */
    static final List<Webhook> WEBHOOKS = List.of(
            new Webhook("Beckon order created", List.of("ORDER_CREATED"),
                    subscription("... on OrderCreated { " + ORDER + " }")),
            new Webhook("Beckon checkout changed", List.of("CHECKOUT_CREATED", "CHECKOUT_UPDATED"),
                    subscription("... on CheckoutCreated { " + CHECKOUT + " } ... on CheckoutUpdated { " + CHECKOUT
                            + " }")),
            new Webhook("Beckon customer changed", List.of("CUSTOMER_CREATED", "CUSTOMER_UPDATED"),
                    subscription("... on CustomerCreated { " + CUSTOMER + " } ... on CustomerUpdated { " + CUSTOMER
                            + " }")));

    private final SaleorAppSettings settings;

    /** @param settings never null */
    public AppManifest(SaleorAppSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The manifest of the shop's install. */
    public JsonObject manifest(ShopId shop) {
        Objects.requireNonNull(shop, "shop");
        String base = settings.publicBaseUrl().toString();
        String segment = URLEncoder.encode(shop.value(), StandardCharsets.UTF_8).replace("+", "%20");
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        PERMISSIONS.forEach(permissions::add);
        JsonArrayBuilder webhooks = Json.createArrayBuilder();
        for (Webhook webhook : WEBHOOKS) {
            JsonArrayBuilder events = Json.createArrayBuilder();
            webhook.asyncEvents().forEach(events::add);
            webhooks.add(Json.createObjectBuilder()
                    .add("name", webhook.name())
                    .add("asyncEvents", events)
                    .add("query", webhook.query())
                    .add("targetUrl", base + "/webhooks/saleor/" + segment)
                    .add("isActive", true));
        }
        JsonObjectBuilder manifest = Json.createObjectBuilder()
                .add("id", settings.appId())
                .add("version", settings.version())
                .add("name", settings.name())
                .add("about", settings.about())
                .add("author", "Beckon")
                .add("permissions", permissions)
                .add("appUrl", base + "/")
                .add("tokenTargetUrl", base + "/install/saleor/" + segment + "/register");
        if (settings.requiredSaleorVersion() != null) {
            manifest.add("requiredSaleorVersion", settings.requiredSaleorVersion());
        }
        return manifest.add("webhooks", webhooks).build();
    }

    /** {@link #manifest} as the JSON text to serve with {@code Content-Type: application/json}. */
    public String json(ShopId shop) {
        return manifest(shop).toString();
    }

    private static String subscription(String fragments) {
        return "subscription { event { __typename issuedAt version " + fragments + " } }";
    }
}
