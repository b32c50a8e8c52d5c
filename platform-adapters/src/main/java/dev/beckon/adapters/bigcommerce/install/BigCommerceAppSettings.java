package dev.beckon.adapters.bigcommerce.install;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The BigCommerce app as registered in the Developer Portal. Built by the suite from MicroProfile Config.
 *
 * @param clientId       never blank
 * @param clientSecret   never blank, never logged; also the key BigCommerce signs webhooks with
 * @param authCallback   the app's Auth Callback URL ({@code https://beckon.example/install/bigcommerce/auth}), sent
 *                       back as {@code redirect_uri}; never null
 * @param requiredScopes OAuth scopes the install must have been granted ({@code store_v2_orders_read_only}); an
 *                       {@code /auth} whose {@code scope} lacks one is refused. Empty: no check
 */
public record BigCommerceAppSettings(String clientId, String clientSecret, URI authCallback,
        List<String> requiredScopes) {

    public BigCommerceAppSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the BigCommerce client id must be set");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("the BigCommerce client secret must be set");
        }
        Objects.requireNonNull(authCallback, "authCallback");
        requiredScopes = List.copyOf(requiredScopes);
    }

    @Override
    public String toString() {
        return "BigCommerceAppSettings[clientId=" + clientId + ", clientSecret=<hidden>, authCallback=" + authCallback
                + ", requiredScopes=" + requiredScopes + "]";
    }
}
