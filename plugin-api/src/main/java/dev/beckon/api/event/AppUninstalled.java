package dev.beckon.api.event;

/**
 * The merchant removed Beckon from the store. Credentials are dropped and every journey of the shop stops.
 *
 * @param shopDomain the store's domain as the platform named it; never null, may be empty
 */
public record AppUninstalled(String shopDomain) implements EventPayload {

    public AppUninstalled {
        shopDomain = shopDomain == null ? "" : shopDomain;
    }
}
