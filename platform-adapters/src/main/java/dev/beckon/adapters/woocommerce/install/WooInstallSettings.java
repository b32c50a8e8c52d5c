package dev.beckon.adapters.woocommerce.install;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the WooCommerce install needs from configuration.
 *
 * @param publicBaseUrl     Beckon's public HTTPS base URL ({@code https://beckon.example.com}); webhooks are delivered
 *                          to {@code {publicBaseUrl}/webhooks/woocommerce/{shopId}}; never null
 * @param pendingTtl        how long the merchant has between the link and the callback; positive
 * @param allowLoopbackHttp whether plain-HTTP loopback stores ({@code http://localhost:8080}) are accepted: tests and
 *                          local development only, never in production
 */
public record WooInstallSettings(URI publicBaseUrl, Duration pendingTtl, boolean allowLoopbackHttp) {

    /** Long enough to log in to WordPress and approve, short enough that a leaked link goes stale. */
    public static final Duration DEFAULT_PENDING_TTL = Duration.ofMinutes(30);

    public WooInstallSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(pendingTtl, "pendingTtl");
        if (pendingTtl.isNegative() || pendingTtl.isZero()) {
            throw new IllegalArgumentException("pendingTtl must be positive: " + pendingTtl);
        }
        String text = publicBaseUrl.toString();
        if (text.endsWith("/")) {
            publicBaseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Production settings: HTTPS stores only, the default time to approve. */
    public static WooInstallSettings of(URI publicBaseUrl) {
        return new WooInstallSettings(publicBaseUrl, DEFAULT_PENDING_TTL, false);
    }
}
