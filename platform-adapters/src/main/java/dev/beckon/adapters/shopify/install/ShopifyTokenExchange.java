package dev.beckon.adapters.shopify.install;

import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttles;
import dev.beckon.adapters.install.InstallException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Obtains the shop's offline access token from {@code POST https://{shop}/admin/oauth/access_token}: for an
 * authorization code (JSON {@code {client_id, client_secret, code}}, knowledge file 2.4 step 3) or for an embedded
 * app's session token (the token-exchange grant, step 2), through a
 * MicroProfile REST client paced by the shop's throttle. Failures are {@link InstallException}s: no answer or
 * {@code 5xx} is {@code PLATFORM_UNAVAILABLE}, any {@code 4xx} (a used or foreign code) {@code PLATFORM_REJECTED}.
 * Thread-safe.
 */
public final class ShopifyTokenExchange {

    /** The granted token and scopes; {@link #toString} hides the token. */
    public record Granted(String accessToken, Set<String> scopes) {

        public Granted {
            Objects.requireNonNull(accessToken, "accessToken");
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Granted[accessToken=<hidden>, scopes=" + scopes + "]";
        }
    }

    /** {@code https://{shop}}. */
    public static final Function<ShopDomain, URI> PRODUCTION = shop -> URI.create("https://" + shop.value());

    private final Function<ShopDomain, URI> shopOrigin;
    private final RestClients clients;
    private final Throttles throttles;

    /**
     * @param shopOrigin where a shop's API is: {@link #PRODUCTION} in production, a local server in tests
     * @param clients    builds the REST client; never null
     * @param throttles  the shops' rate limits; never null
     */
    public ShopifyTokenExchange(Function<ShopDomain, URI> shopOrigin, RestClients clients, Throttles throttles) {
        this.shopOrigin = Objects.requireNonNull(shopOrigin, "shopOrigin");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.throttles = Objects.requireNonNull(throttles, "throttles");
    }

    /**
     * The authorization-code grant.
     *
     * @throws InstallException {@code PLATFORM_UNAVAILABLE} or {@code PLATFORM_REJECTED}
     */
    public Granted exchange(ShopDomain shop, String clientId, String clientSecret, String code) {
        return grant(shop, Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("client_secret", clientSecret)
                .add("code", code)
                .build(), "the authorization code");
    }

    /**
     * The token-exchange grant of a Shopify-managed install: a verified session token ({@code id_token}) for the
     * shop's offline, non-expiring access token (knowledge file 2.4 step 2).
     *
     * @throws InstallException {@code PLATFORM_UNAVAILABLE} or {@code PLATFORM_REJECTED}
     */
    public Granted exchangeSessionToken(ShopDomain shop, String clientId, String clientSecret, String idToken) {
        return grant(shop, Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("client_secret", clientSecret)
                .add("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .add("subject_token", idToken)
                .add("subject_token_type", "urn:ietf:params:oauth:token-type:id_token")
                .add("requested_token_type", "urn:shopify:params:oauth:token-type:offline-access-token")
                .add("expiring", "0")
                .build(), "the session token");
    }

    private Granted grant(ShopDomain shop, JsonObject request, String what) {
        var throttle = throttles.of(shop.value());
        ShopifyOAuthClient client = clients.build(ShopifyOAuthClient.class, shopOrigin.apply(shop), throttle);
        JsonObject answer;
        try {
            answer = BoundedRetry.DEFAULT.call(throttle, () -> client.accessToken(request));
        } catch (PlatformCallException e) {
            throw switch (e.kind()) {
                case UNAVAILABLE, RATE_LIMITED, MALFORMED_ANSWER -> new InstallException(
                        InstallException.Kind.PLATFORM_UNAVAILABLE,
                        "Shopify did not hand out the access token (" + e.getMessage() + "); try again later", e);
                default -> new InstallException(InstallException.Kind.PLATFORM_REJECTED,
                        "Shopify refused " + what + " (" + e.getMessage() + "); start the install again", e);
            };
        } catch (RuntimeException e) {
            throw new InstallException(InstallException.Kind.PLATFORM_UNAVAILABLE,
                    "Shopify's token answer could not be read; try again later", e);
        }
        if (answer == null || !(answer.get("access_token") instanceof JsonString token)
                || token.getString().isBlank()) {
            throw new InstallException(InstallException.Kind.PLATFORM_UNAVAILABLE,
                    "Shopify's token answer has no access_token; try again later");
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (answer.get("scope") instanceof JsonString scope) {
            Arrays.stream(scope.getString().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(scopes::add);
        }
        return new Granted(token.getString(), scopes);
    }
}
