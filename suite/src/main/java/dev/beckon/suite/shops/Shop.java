package dev.beckon.suite.shops;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.platform.ShopContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A merchant's store installation. The webhook secrets and the API key's hash never leave the server.
 *
 * @param previousWebhookSecret the secret before the last rotation, accepted until the next; null if none
 * @param uninstalledAt         when the platform said the app was uninstalled; null while installed
 */
public record Shop(ShopId id, String platform, String domain, String webhookSecret, String previousWebhookSecret,
                   Instant createdAt, Instant uninstalledAt) {

    /** A shop that is installed. */
    public Shop(ShopId id, String platform, String domain, String webhookSecret, String previousWebhookSecret,
                Instant createdAt) {
        this(id, platform, domain, webhookSecret, previousWebhookSecret, createdAt, null);
    }

    public boolean installed() {
        return uninstalledAt == null;
    }

    /** What an adapter needs to verify this shop's webhooks. */
    public ShopContext context() {
        List<String> secrets = new ArrayList<>(List.of(webhookSecret));
        if (previousWebhookSecret != null) {
            secrets.add(previousWebhookSecret);
        }
        return new ShopContext(id, domain, secrets);
    }

    @Override
    public String toString() {
        return "Shop[id=" + id + ", platform=" + platform + ", domain=" + domain + "]";
    }
}
