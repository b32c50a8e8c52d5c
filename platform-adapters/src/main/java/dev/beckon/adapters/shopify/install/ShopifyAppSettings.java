package dev.beckon.adapters.shopify.install;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The Shopify app as registered in the Partner Dashboard / {@code shopify.app.toml}: what the install flow needs.
 * Built by the suite from MicroProfile Config.
 *
 * @param clientId     the app's client id (API key); never blank
 * @param clientSecret the app's client secret; never blank, never logged
 * @param scopes       the access scopes to request ({@code read_orders}, {@code read_customers},
 *                     {@code write_discounts}); never empty
 * @param redirectUri  Beckon's OAuth callback ({@code https://beckon.example/install/shopify/callback}); must be
 *                     listed in the app's allowed redirection URLs; never null
 * @param stateTtl     how long a started install may take before its state nonce expires; positive
 */
public record ShopifyAppSettings(String clientId, String clientSecret, List<String> scopes, URI redirectUri,
        Duration stateTtl) {

    /** The scopes Beckon's journeys use: orders and checkouts, customers and consent, discount codes. */
    public static final List<String> DEFAULT_SCOPES = List.of("read_orders", "read_customers", "write_discounts");
    /** Ten minutes to log in and approve. */
    public static final Duration DEFAULT_STATE_TTL = Duration.ofMinutes(10);

    public ShopifyAppSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the Shopify client id must be set");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("the Shopify client secret must be set");
        }
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope must be requested");
        }
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(stateTtl, "stateTtl");
        if (stateTtl.isNegative() || stateTtl.isZero()) {
            throw new IllegalArgumentException("stateTtl must be positive");
        }
    }

    /** With {@link #DEFAULT_SCOPES} and {@link #DEFAULT_STATE_TTL}. */
    public static ShopifyAppSettings of(String clientId, String clientSecret, URI redirectUri) {
        return new ShopifyAppSettings(clientId, clientSecret, DEFAULT_SCOPES, redirectUri, DEFAULT_STATE_TTL);
    }

    @Override
    public String toString() {
        return "ShopifyAppSettings[clientId=" + clientId + ", clientSecret=<hidden>, scopes=" + scopes
                + ", redirectUri=" + redirectUri + ", stateTtl=" + stateTtl + "]";
    }
}
