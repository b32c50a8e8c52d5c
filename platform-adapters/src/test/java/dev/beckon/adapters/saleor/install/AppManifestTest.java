package dev.beckon.adapters.saleor.install;

import dev.beckon.api.model.ShopId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest, field by field against knowledge file 6.2 and the manifest example in 9.4. */
class AppManifestTest {

    private final SaleorAppSettings settings = new SaleorAppSettings(URI.create("https://beckon.example.com/"),
            "dev.beckon.engage", "Beckon", "1.2.0", "Proactive engagement.", ">=3.20", List.of(), false);
    private final JsonObject manifest = Json.createReader(new StringReader(new AppManifest(settings)
            .json(ShopId.of("shop 7")))).readObject();

    @Test
    void identityAndUrls() {
        assertThat(manifest.getString("id")).isEqualTo("dev.beckon.engage");
        assertThat(manifest.getString("version")).isEqualTo("1.2.0");
        assertThat(manifest.getString("name")).isEqualTo("Beckon");
        assertThat(manifest.getString("about")).isEqualTo("Proactive engagement.");
        assertThat(manifest.getString("appUrl")).isEqualTo("https://beckon.example.com/");
        assertThat(manifest.getString("tokenTargetUrl"))
                .isEqualTo("https://beckon.example.com/install/saleor/shop%207/register");
        assertThat(manifest.getString("requiredSaleorVersion")).isEqualTo(">=3.20");
    }

    @Test
    void permissionsAreTheOnesTheJourneysNeed() {
        assertThat(manifest.getJsonArray("permissions").getValuesAs(JsonString::getString))
                .containsExactly("MANAGE_ORDERS", "MANAGE_CHECKOUTS", "MANAGE_USERS");
    }

    @Test
    void webhooksHaveEveryFieldSaleorReadsAndDeliverToTheShopsWebhookUrl() {
        List<JsonObject> webhooks = manifest.getJsonArray("webhooks").getValuesAs(JsonObject.class);

        assertThat(webhooks).extracting(w -> w.getString("name"))
                .containsExactly("Beckon order created", "Beckon checkout changed", "Beckon customer changed");
        assertThat(webhooks).extracting(w -> w.getJsonArray("asyncEvents").getValuesAs(JsonString::getString))
                .containsExactly(List.of("ORDER_CREATED"), List.of("CHECKOUT_CREATED", "CHECKOUT_UPDATED"),
                        List.of("CUSTOMER_CREATED", "CUSTOMER_UPDATED"));
        for (JsonObject webhook : webhooks) {
            assertThat(webhook.keySet()).containsExactlyInAnyOrder("name", "asyncEvents", "query", "targetUrl",
                    "isActive");
            assertThat(webhook.getString("targetUrl")).isEqualTo("https://beckon.example.com/webhooks/saleor/shop%207");
            assertThat(webhook.getBoolean("isActive")).isTrue();
            assertThat(webhook.getString("query")).startsWith("subscription { event { __typename issuedAt version ")
                    .endsWith(" } }");
            assertThat(balanced(webhook.getString("query"))).isTrue();
        }
    }

    @Test
    void queriesSelectWhatTheAdapterMapsForEachEvent() {
        List<JsonObject> webhooks = manifest.getJsonArray("webhooks").getValuesAs(JsonObject.class);

        assertThat(webhooks.get(0).getString("query")).contains("... on OrderCreated { order { id number userEmail"
                + " created checkoutId user { id email firstName lastName } total { gross { amount currency } }");
        assertThat(webhooks.get(1).getString("query"))
                .contains("... on CheckoutCreated { checkout { id token email updatedAt lastChange ")
                .contains("... on CheckoutUpdated { checkout { id token email updatedAt lastChange ")
                .contains("lines { quantity unitPrice { gross { amount currency } } variant { id sku name product"
                        + " { id name } } }");
        assertThat(webhooks.get(2).getString("query"))
                .contains("... on CustomerCreated { user { id email firstName lastName updatedAt } }")
                .contains("... on CustomerUpdated { user { id email firstName lastName updatedAt } }");
    }

    @Test
    void theVersionRangeIsLeftOutWhenNotConfigured() {
        JsonObject plain = new AppManifest(SaleorAppSettings.of(URI.create("https://beckon.example.com"), "1.0.0"))
                .manifest(ShopId.of("s"));

        assertThat(plain).doesNotContainKey("requiredSaleorVersion");
        assertThat(plain.keySet()).containsExactly("id", "version", "name", "about", "author", "permissions",
                "appUrl", "tokenTargetUrl", "webhooks");
    }

    private static boolean balanced(String query) {
        int depth = 0;
        for (char c : query.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
