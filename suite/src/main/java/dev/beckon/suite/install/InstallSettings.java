package dev.beckon.suite.install;

import dev.beckon.adapters.shopify.admin.ShopifyClients;
import dev.beckon.adapters.shopify.install.ShopifyAppSettings;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the platform install flows need, read once from MicroProfile Config; every key has a default and is listed
 * in {@code suite/INSTALL-CONFIG.md}. As environment variables the keys are upper-cased with dots and dashes as
 * underscores ({@code beckon.shopify.client-id} is {@code BECKON_SHOPIFY_CLIENT_ID}). A platform whose client id or
 * secret is empty is "not configured": its install endpoints answer 503 saying which variables to set.
 *
 * @param publicBaseUrl          Beckon's public base URL, without a trailing slash; callbacks and webhook URLs
 *                               handed to the platforms start with it
 * @param shopifyAdminBaseUrl    where every shop's Admin API is; null means production, {@code https://{shop}}
 * @param bigCommerceLoginUrl    BigCommerce's OAuth server
 * @param bigCommerceApiUrl      BigCommerce's REST API
 * @param saleorAllowedApiHosts  Saleor hosts that may register ({@code *.saleor.cloud}); empty allows any public
 *                               host
 * @param saleorAllowHttpLoopback lets a Saleor on {@code http://localhost} register (development and tests only)
 * @param wooAllowHttpStores     lets a WooCommerce store on {@code http://localhost} install (development and tests
 *                               only)
 */
public record InstallSettings(URI publicBaseUrl,
                              String shopifyClientId, String shopifyClientSecret, String shopifyApiVersion,
                              List<String> shopifyScopes, URI shopifyAdminBaseUrl,
                              String bigCommerceClientId, String bigCommerceClientSecret, URI bigCommerceLoginUrl,
                              URI bigCommerceApiUrl, List<String> bigCommerceRequiredScopes,
                              String saleorAppVersion, List<String> saleorAllowedApiHosts,
                              boolean saleorAllowHttpLoopback, boolean wooAllowHttpStores) {

    /** The keys and their defaults; an empty default means "not set". */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("beckon.public-base-url", "http://localhost:8080"),
            Map.entry("beckon.shopify.client-id", ""),
            Map.entry("beckon.shopify.client-secret", ""),
            Map.entry("beckon.shopify.api-version", ShopifyClients.DEFAULT_API_VERSION),
            Map.entry("beckon.shopify.scopes", String.join(",", ShopifyAppSettings.DEFAULT_SCOPES)),
            Map.entry("beckon.shopify.admin-base-url", ""),
            Map.entry("beckon.bigcommerce.client-id", ""),
            Map.entry("beckon.bigcommerce.client-secret", ""),
            Map.entry("beckon.bigcommerce.login-url", "https://login.bigcommerce.com"),
            Map.entry("beckon.bigcommerce.api-url", "https://api.bigcommerce.com"),
            Map.entry("beckon.bigcommerce.required-scopes", ""),
            Map.entry("beckon.saleor.app-version", "1.0.0"),
            Map.entry("beckon.saleor.allowed-api-hosts", ""),
            Map.entry("beckon.saleor.allow-http-loopback", "false"),
            Map.entry("beckon.woocommerce.allow-http-stores", "false"));

    public InstallSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        shopifyScopes = List.copyOf(shopifyScopes);
        bigCommerceRequiredScopes = List.copyOf(bigCommerceRequiredScopes);
        saleorAllowedApiHosts = List.copyOf(saleorAllowedApiHosts);
    }

    /**
     * Builds the settings from a lookup of configured values (MicroProfile Config in the suite, a map in tests);
     * keys the lookup does not know take their defaults.
     *
     * @throws IllegalArgumentException naming the key whose value is invalid
     */
    public static InstallSettings from(Function<String, String> lookup) {
        Map<String, String> values = new HashMap<>();
        DEFAULTS.forEach((key, fallback) -> {
            String value = lookup.apply(key);
            values.put(key, value == null ? fallback : value.strip());
        });
        String version = values.get("beckon.shopify.api-version");
        if (!version.matches("[0-9]{4}-[0-9]{2}|unstable")) {
            throw new IllegalArgumentException("beckon.shopify.api-version must look like 2025-10, got '" + version
                    + "'");
        }
        List<String> scopes = list(values.get("beckon.shopify.scopes"));
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("beckon.shopify.scopes must name at least one scope");
        }
        String adminBase = values.get("beckon.shopify.admin-base-url");
        return new InstallSettings(baseUrl(values, "beckon.public-base-url"),
                values.get("beckon.shopify.client-id"), values.get("beckon.shopify.client-secret"), version, scopes,
                adminBase.isEmpty() ? null : baseUrl(values, "beckon.shopify.admin-base-url"),
                values.get("beckon.bigcommerce.client-id"), values.get("beckon.bigcommerce.client-secret"),
                baseUrl(values, "beckon.bigcommerce.login-url"), baseUrl(values, "beckon.bigcommerce.api-url"),
                list(values.get("beckon.bigcommerce.required-scopes")),
                nonBlank(values, "beckon.saleor.app-version"), list(values.get("beckon.saleor.allowed-api-hosts")),
                bool(values, "beckon.saleor.allow-http-loopback"), bool(values, "beckon.woocommerce.allow-http-stores"));
    }

    public boolean shopifyConfigured() {
        return !shopifyClientId.isBlank() && !shopifyClientSecret.isBlank();
    }

    public boolean bigCommerceConfigured() {
        return !bigCommerceClientId.isBlank() && !bigCommerceClientSecret.isBlank();
    }

    /** {@code publicBaseUrl} + {@code path} ({@code path} starts with a slash). */
    public URI publicUrl(String path) {
        return URI.create(publicBaseUrl + path);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean bool(Map<String, String> values, String key) {
        String value = values.get(key);
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static String nonBlank(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value;
    }

    private static URI baseUrl(Map<String, String> values, String key) {
        String text = values.get(key).replaceFirst("/+$", "");
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
            return uri;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL such as https://beckon.example,"
                    + " got '" + values.get(key) + "'", e);
        }
    }

    @Override
    public String toString() {
        return "InstallSettings[publicBaseUrl=" + publicBaseUrl + ", shopifyClientId=" + shopifyClientId
                + ", shopifyClientSecret=<hidden>, shopifyApiVersion=" + shopifyApiVersion + ", shopifyScopes="
                + shopifyScopes + ", shopifyAdminBaseUrl=" + shopifyAdminBaseUrl + ", bigCommerceClientId="
                + bigCommerceClientId + ", bigCommerceClientSecret=<hidden>, bigCommerceLoginUrl="
                + bigCommerceLoginUrl + ", bigCommerceApiUrl=" + bigCommerceApiUrl + ", saleorAppVersion="
                + saleorAppVersion + ", saleorAllowedApiHosts=" + saleorAllowedApiHosts + ", saleorAllowHttpLoopback="
                + saleorAllowHttpLoopback + ", wooAllowHttpStores=" + wooAllowHttpStores + "]";
    }
}
