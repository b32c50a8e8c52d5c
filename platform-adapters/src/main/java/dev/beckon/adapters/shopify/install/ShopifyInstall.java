package dev.beckon.adapters.shopify.install;

import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.install.InstallException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shopify's installs, framework-free: the authorization-code grant (knowledge file 2.4 step 3) and, for a
 * Shopify-managed install of the embedded app, the session-token exchange ({@link #completeEmbedded}, step 2):
 * <ol>
 *   <li>{@link #authorizeUrl}: the {@code shop} parameter must be a {@code myshopify.com} domain; a fresh random
 *       {@code state} is remembered in {@link InstallStates} for {@link ShopifyAppSettings#stateTtl}, and the
 *       merchant is sent to {@code https://{shop}/admin/oauth/authorize?client_id&scope&redirect_uri&state}.</li>
 *   <li>{@link #complete}: the callback's {@code shop}, query HMAC and timestamp are checked by {@link
 *       OAuthCallbackVerifier}; its {@code state} is consumed from {@link InstallStates} (once: a replay is
 *       refused) and must have been issued for the same shop; the {@code code} is exchanged for the offline token
 *       ({@link ShopifyTokenExchange}); then the shop is subscribed to Beckon's webhooks ({@link
 *       WebhookSubscriber}). The three mandatory compliance webhooks are not subscribed here: Shopify takes them
 *       only from the app's configuration (see {@code platform-adapters/INSTALL.md}).</li>
 * </ol>
 * Every refusal is an {@link InstallException} with a reason the merchant can read; nothing else is thrown for bad
 * input. Thread-safe; {@link #complete} blocks on HTTP calls to Shopify.
 */
public final class ShopifyInstall {

    private static final System.Logger LOG = System.getLogger(ShopifyInstall.class.getName());
    private static final int STATE_BYTES = 32;
    private static final String TIMESTAMP_REFUSAL = "timestamp";

    private final ShopifyAppSettings settings;
    private final InstallStates states;
    private final ShopifyTokenExchange tokens;
    private final WebhookSubscriber webhooks;
    private final Function<ShopDomain, URI> webhookCallbacks;
    private final OAuthCallbackVerifier verifier;
    private final SessionTokenVerifier sessionTokens;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param settings         never null
     * @param states           pending installs; never null
     * @param tokens           the code exchange; never null
     * @param webhooks         subscribes the new shop; never null
     * @param webhookCallbacks Beckon's webhook URL for a shop ({@code https://beckon.example/webhooks/shopify/
     *                         {shopId}}; the suite assigns the shop id); never null
     * @param clock            never null
     * @param random           for state nonces; never null
     */
    public ShopifyInstall(ShopifyAppSettings settings, InstallStates states, ShopifyTokenExchange tokens,
            WebhookSubscriber webhooks, Function<ShopDomain, URI> webhookCallbacks, Clock clock, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.states = Objects.requireNonNull(states, "states");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.webhookCallbacks = Objects.requireNonNull(webhookCallbacks, "webhookCallbacks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.verifier = new OAuthCallbackVerifier(settings.clientSecret(), clock);
        this.sessionTokens = new SessionTokenVerifier(settings.clientId(), settings.clientSecret(), clock);
    }

    /**
     * Starts an install.
     *
     * @param shopParameter the {@code shop} query parameter as the merchant's browser sent it
     * @return never null
     * @throws InstallException {@code FORBIDDEN_DOMAIN} if it is not a {@code myshopify.com} shop
     */
    public AuthorizeRedirect authorizeUrl(String shopParameter) {
        ShopDomain shop = requireShop(shopParameter);
        byte[] nonce = new byte[STATE_BYTES];
        random.nextBytes(nonce);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        states.remember(state, shop, clock.instant().plus(settings.stateTtl()));
        URI url = URI.create("https://" + shop.value() + "/admin/oauth/authorize"
                + "?client_id=" + encode(settings.clientId())
                + "&scope=" + encode(String.join(",", settings.scopes()))
                + "&redirect_uri=" + encode(settings.redirectUri().toString())
                + "&state=" + encode(state));
        return new AuthorizeRedirect(url, shop, state);
    }

    /**
     * Finishes an install from Shopify's redirect back to {@link ShopifyAppSettings#redirectUri}.
     *
     * @param query the callback's query parameters, decoded, one value each; never null
     * @return the shop, its token, the granted scopes and the webhook subscriptions made
     * @throws InstallException {@code FORBIDDEN_DOMAIN}, {@code UNAUTHENTICATED} (HMAC, foreign state),
     *                          {@code EXPIRED} (timestamp), {@code REPLAYED_STATE}, {@code MALFORMED} (no code),
     *                          {@code PLATFORM_REJECTED} or {@code PLATFORM_UNAVAILABLE}
     */
    public ShopifyInstallation complete(Map<String, String> query) {
        Objects.requireNonNull(query, "query");
        ShopDomain shop = requireShop(query.get("shop"));
        String state = query.get("state");
        if (state == null || state.isBlank()) {
            throw new InstallException(InstallException.Kind.MALFORMED,
                    "the callback has no state; start the install again");
        }
        if (verifier.verify(query, state) instanceof CallbackVerdict.Refused refused) {
            throw new InstallException(refused.reason().startsWith(TIMESTAMP_REFUSAL)
                    ? InstallException.Kind.EXPIRED : InstallException.Kind.UNAUTHENTICATED,
                    "Shopify's callback was refused: " + refused.reason());
        }
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            throw new InstallException(InstallException.Kind.MALFORMED, "the callback has no authorization code");
        }
        Optional<ShopDomain> issuedFor = states.consume(state);
        if (issuedFor.isEmpty()) {
            throw new InstallException(InstallException.Kind.REPLAYED_STATE,
                    "this install link was already used or has expired; start the install again");
        }
        if (!issuedFor.get().equals(shop)) {
            throw new InstallException(InstallException.Kind.UNAUTHENTICATED,
                    "the state was issued for another shop; start the install again");
        }
        ShopifyTokenExchange.Granted granted = tokens.exchange(shop, settings.clientId(), settings.clientSecret(),
                code);
        WebhookSubscriber.Subscriptions subscriptions = subscribe(shop, granted.accessToken());
        LOG.log(System.Logger.Level.INFO, "Shopify shop {0} installed with scopes {1}; {2} webhooks, {3} problems",
                shop, granted.scopes(), subscriptions.made().size(), subscriptions.problems().size());
        return new ShopifyInstallation(shop, granted.accessToken(), granted.scopes(), subscriptions.made(),
                subscriptions.problems());
    }

    /**
     * Installs from the session token Shopify hands the embedded app when the merchant opens it (a Shopify-managed
     * install: no redirect, no state): the token is verified, exchanged for the offline token, and the webhooks
     * are subscribed. Opening the app again later re-runs it, which refreshes the token and the subscriptions.
     *
     * @param idToken the {@code id_token} query parameter
     * @throws InstallException {@code MALFORMED}, {@code UNAUTHENTICATED}, {@code EXPIRED}, {@code FORBIDDEN_DOMAIN},
     *                          {@code PLATFORM_REJECTED} or {@code PLATFORM_UNAVAILABLE}
     */
    public ShopifyInstallation completeEmbedded(String idToken) {
        ShopDomain shop = sessionTokens.verify(idToken);
        ShopifyTokenExchange.Granted granted = tokens.exchangeSessionToken(shop, settings.clientId(),
                settings.clientSecret(), idToken.strip());
        WebhookSubscriber.Subscriptions subscriptions = subscribe(shop, granted.accessToken());
        LOG.log(System.Logger.Level.INFO, "Shopify shop {0} installed from the embedded app with scopes {1}; {2}"
                + " webhooks, {3} problems", shop, granted.scopes(), subscriptions.made().size(),
                subscriptions.problems().size());
        return new ShopifyInstallation(shop, granted.accessToken(), granted.scopes(), subscriptions.made(),
                subscriptions.problems());
    }

    private WebhookSubscriber.Subscriptions subscribe(ShopDomain shop, String accessToken) {
        try {
            return webhooks.subscribe(shop, accessToken, webhookCallbacks.apply(shop));
        } catch (PlatformCallException e) {
            LOG.log(System.Logger.Level.WARNING, "Shopify shop {0}: webhooks not subscribed: {1}", shop,
                    e.getMessage());
            return new WebhookSubscriber.Subscriptions(List.of(),
                    List.of("no webhook could be subscribed: " + e.getMessage()));
        }
    }

    private static ShopDomain requireShop(String shopParameter) {
        return ShopDomain.validate(shopParameter).orElseThrow(() -> new InstallException(
                InstallException.Kind.FORBIDDEN_DOMAIN, "the shop must be a myshopify.com domain"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
