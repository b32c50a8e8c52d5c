package dev.beckon.suite.install;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallSettingsTest {

    @Test
    void defaultsPointAtProductionAndLeaveThePlatformsUnconfigured() {
        InstallSettings settings = InstallSettings.from(key -> null);

        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.shopifyConfigured()).isFalse();
        assertThat(settings.bigCommerceConfigured()).isFalse();
        assertThat(settings.shopifyApiVersion()).isEqualTo("2025-10");
        assertThat(settings.shopifyScopes()).containsExactly("read_orders", "read_customers", "write_discounts");
        assertThat(settings.shopifyAdminBaseUrl()).isNull();
        assertThat(InstallProducer.shopifyOrigin(settings).apply(
                dev.beckon.adapters.shopify.install.ShopDomain.validate("a.myshopify.com").orElseThrow()))
                .isEqualTo(URI.create("https://a.myshopify.com"));
        assertThat(settings.bigCommerceLoginUrl()).isEqualTo(URI.create("https://login.bigcommerce.com"));
        assertThat(settings.bigCommerceApiUrl()).isEqualTo(URI.create("https://api.bigcommerce.com"));
        assertThat(settings.saleorAllowedApiHosts()).isEmpty();
        assertThat(settings.saleorAllowHttpLoopback()).isFalse();
        assertThat(settings.wooAllowHttpStores()).isFalse();
    }

    @Test
    void configuredValuesAreReadAndSecretsAreNotPrinted() {
        Map<String, String> values = Map.of(
                "beckon.public-base-url", "https://beckon.example/",
                "beckon.shopify.client-id", "id-1",
                "beckon.shopify.client-secret", "shpss_very_secret",
                "beckon.shopify.scopes", "read_orders, write_discounts",
                "beckon.shopify.admin-base-url", "http://127.0.0.1:9999",
                "beckon.bigcommerce.client-id", "bc-id",
                "beckon.bigcommerce.client-secret", "bc_very_secret",
                "beckon.saleor.allowed-api-hosts", "*.saleor.cloud, shop.example.com");

        InstallSettings settings = InstallSettings.from(values::get);

        assertThat(settings.publicUrl("/install/shopify/callback"))
                .isEqualTo(URI.create("https://beckon.example/install/shopify/callback"));
        assertThat(settings.shopifyConfigured()).isTrue();
        assertThat(settings.bigCommerceConfigured()).isTrue();
        assertThat(settings.shopifyScopes()).containsExactly("read_orders", "write_discounts");
        assertThat(InstallProducer.shopifyOrigin(settings).apply(
                dev.beckon.adapters.shopify.install.ShopDomain.validate("a.myshopify.com").orElseThrow()))
                .isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(settings.saleorAllowedApiHosts()).containsExactly("*.saleor.cloud", "shop.example.com");
        assertThat(settings.toString()).doesNotContain("shpss_very_secret", "bc_very_secret");
    }

    @Test
    void anInvalidValueNamesItsKey() {
        assertThatThrownBy(() -> InstallSettings.from(Map.of("beckon.public-base-url", "not a url")::get))
                .hasMessageContaining("beckon.public-base-url");
        assertThatThrownBy(() -> InstallSettings.from(Map.of("beckon.shopify.api-version", "latest")::get))
                .hasMessageContaining("beckon.shopify.api-version");
        assertThatThrownBy(() -> InstallSettings.from(Map.of("beckon.woocommerce.allow-http-stores", "yes")::get))
                .hasMessageContaining("beckon.woocommerce.allow-http-stores");
    }

    @Test
    void pagesEscapeWhatComesFromOutside() {
        String html = InstallPages.installedHtml("<script>alert(1)</script>.myshopify.com", "id\"x",
                "bk_shop_<b>", java.util.List.of("topic: <img src=x>"));
        String message = InstallPages.messageHtml("Not for <you>", "a & b");

        assertThat(html).doesNotContain("<script>", "<img", "<b>", "id\"x")
                .contains("&lt;script&gt;", "&lt;img src=x&gt;", "bk_shop_&lt;b&gt;", "id&quot;x");
        assertThat(message).contains("Not for &lt;you&gt;", "a &amp; b").doesNotContain("<you>");
    }
}
