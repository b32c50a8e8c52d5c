package dev.beckon.adapters.bigcommerce.admin;

import dev.beckon.adapters.bigcommerce.install.HookCreator;
import dev.beckon.adapters.http.PlatformCallException;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates a store's webhooks for every scope {@code BigCommerceAdapter} maps: {@code POST /stores/{hash}/v3/hooks}
 * with {@code {scope, destination, is_active: true}} (knowledge file 4.1). BigCommerce signs deliveries with the
 * app's client secret (Standard Webhooks), so no secret is sent. A scope that fails becomes a problem line; the
 * others are still made. Thread-safe; blocking.
 */
public final class BigCommerceHooks implements HookCreator {

    /** The scopes {@code BigCommerceAdapter} maps. */
    public static final List<String> SCOPES = List.of(
            "store/order/created",
            "store/order/statusUpdated",
            "store/cart/created",
            "store/cart/updated",
            "store/cart/converted",
            "store/customer/created",
            "store/customer/updated",
            "store/app/uninstalled");

    private final BigCommerceClients clients;

    /** @param clients never null */
    public BigCommerceHooks(BigCommerceClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public Hooks create(String storeHash, String accessToken, URI destination) {
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(destination, "destination");
        List<Hook> made = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String scope : SCOPES) {
            JsonObject hook = Json.createObjectBuilder()
                    .add("scope", scope)
                    .add("destination", destination.toString())
                    .add("is_active", true)
                    .build();
            try {
                JsonObject answer = clients.call(storeHash, api -> api.createHook(storeHash, accessToken, hook));
                made.add(new Hook(scope, BigCommerceAdminApi.id(answer)));
            } catch (PlatformCallException e) {
                problems.add(scope + ": " + e.getMessage());
            }
        }
        return new Hooks(made, problems);
    }
}
