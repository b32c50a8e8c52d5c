package dev.beckon.adapters.bigcommerce.install;

import dev.beckon.adapters.http.BoundedRetry;
import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.adapters.http.RestClients;
import dev.beckon.adapters.http.Throttle;
import dev.beckon.adapters.install.InstallException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigCommerce's app callbacks (knowledge file 4.2), framework-free:
 * <ul>
 *   <li>{@link #auth} ({@code GET /auth?code&scope&context=stores/{hash}}): checks the granted scopes against
 *       {@link BigCommerceAppSettings#requiredScopes}, exchanges the code at {@code POST {login}/oauth2/token} (JSON)
 *       for the permanent token, checks the answer is for the same store, then creates the store's webhooks ({@link
 *       HookCreator}). BigCommerce signs those with the app's client secret (Standard Webhooks), so the suite
 *       registers the client secret as the store's webhook secret.</li>
 *   <li>{@link #load}, {@link #uninstall}, {@link #removeUser}: verify {@code signed_payload_jwt} ({@link
 *       SignedPayloadJwt}: HS256 under the client secret, {@code iss=bc}, {@code aud} the client id, {@code exp});
 *       an expired token is {@code EXPIRED}, any other refusal {@code UNAUTHENTICATED}. On a verified uninstall the
 *       suite deletes the store's credentials and stops its journeys.</li>
 * </ul>
 * Every refusal is an {@link InstallException}. Thread-safe; {@link #auth} blocks on HTTP calls.
 */
public final class BigCommerceInstall {

    /** BigCommerce's login host, where codes are exchanged. */
    public static final URI PRODUCTION_LOGIN = URI.create("https://login.bigcommerce.com");

    private static final System.Logger LOG = System.getLogger(BigCommerceInstall.class.getName());
    private static final Pattern CONTEXT = Pattern.compile("stores/([a-z0-9]{1,64})");
    private static final int MAX_PARAMETER = 2048;

    private final BigCommerceAppSettings settings;
    private final URI login;
    private final RestClients clients;
    private final Throttle loginThrottle;
    private final HookCreator hooks;
    private final Function<String, URI> webhookCallbacks;
    private final SignedPayloadJwt jwt;

    /**
     * @param settings         never null
     * @param login            {@link #PRODUCTION_LOGIN} in production, a local server in tests
     * @param clients          builds the token client; never null
     * @param loginThrottle    paces calls to the login host (shared by all stores); never null
     * @param hooks            creates a new store's webhooks; never null
     * @param webhookCallbacks Beckon's webhook URL for a store hash ({@code https://beckon.example/webhooks/
     *                         bigcommerce/{shopId}}); never null
     * @param clock            for the JWT's {@code exp}/{@code nbf}; never null
     */
    public BigCommerceInstall(BigCommerceAppSettings settings, URI login, RestClients clients, Throttle loginThrottle,
            HookCreator hooks, Function<String, URI> webhookCallbacks, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.login = Objects.requireNonNull(login, "login");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.loginThrottle = Objects.requireNonNull(loginThrottle, "loginThrottle");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.webhookCallbacks = Objects.requireNonNull(webhookCallbacks, "webhookCallbacks");
        this.jwt = new SignedPayloadJwt(settings.clientId(), settings.clientSecret(), clock);
    }

    /**
     * {@code GET /auth}.
     *
     * @param query the callback's query parameters, decoded; never null
     * @throws InstallException {@code MALFORMED}, {@code PLATFORM_REJECTED} or {@code PLATFORM_UNAVAILABLE}
     */
    public BigCommerceInstallation auth(Map<String, String> query) {
        Objects.requireNonNull(query, "query");
        String code = require(query, "code");
        String scope = require(query, "scope");
        String context = require(query, "context");
        Matcher store = CONTEXT.matcher(context);
        if (!store.matches()) {
            throw new InstallException(InstallException.Kind.MALFORMED, "context is not of the form stores/{hash}");
        }
        String storeHash = store.group(1);
        Set<String> granted = scopes(scope);
        List<String> missing = new ArrayList<>(settings.requiredScopes());
        missing.removeAll(granted);
        if (!missing.isEmpty()) {
            throw new InstallException(InstallException.Kind.PLATFORM_REJECTED,
                    "the app was not granted " + String.join(", ", missing) + "; approve all requested scopes");
        }
        JsonObject answer = exchange(code, scope, context);
        if (!(answer.get("access_token") instanceof JsonString token) || token.getString().isBlank()) {
            throw new InstallException(InstallException.Kind.PLATFORM_UNAVAILABLE,
                    "BigCommerce's token answer has no access_token; try again later");
        }
        if (answer.get("context") instanceof JsonString answered && !context.equals(answered.getString())) {
            throw new InstallException(InstallException.Kind.PLATFORM_REJECTED,
                    "BigCommerce's token is for another store than the callback named");
        }
        JsonObject user = answer.get("user") instanceof JsonObject u ? u : null;
        String userId = user != null && user.get("id") instanceof JsonNumber id ? id.toString() : null;
        String userEmail = user != null && user.get("email") instanceof JsonString email ? email.getString() : null;
        Set<String> grantedByToken = answer.get("scope") instanceof JsonString s ? scopes(s.getString()) : granted;
        HookCreator.Hooks made = createHooks(storeHash, token.getString());
        LOG.log(System.Logger.Level.INFO, "BigCommerce store {0} installed; {1} webhooks, {2} problems", storeHash,
                made.made().size(), made.problems().size());
        return new BigCommerceInstallation(storeHash, token.getString(), grantedByToken, userId, userEmail,
                made.made(), made.problems());
    }

    /** {@code GET /load?signed_payload_jwt=…}: the store and user to show the app to. */
    public StoreSession load(String signedPayloadJwt) {
        return verify(signedPayloadJwt);
    }

    /** {@code GET /uninstall?signed_payload_jwt=…}: the store whose credentials to delete and journeys to stop. */
    public StoreSession uninstall(String signedPayloadJwt) {
        return verify(signedPayloadJwt);
    }

    /** {@code GET /remove_user?signed_payload_jwt=…}: the user to remove from the store. */
    public StoreSession removeUser(String signedPayloadJwt) {
        return verify(signedPayloadJwt);
    }

    private StoreSession verify(String token) {
        SignedPayloadJwt.Verdict verdict = jwt.verify(token);
        if (verdict instanceof SignedPayloadJwt.Verified verified) {
            return new StoreSession(verified.storeHash(), verified.userId(), verified.userEmail());
        }
        String reason = ((SignedPayloadJwt.Refused) verdict).reason();
        throw new InstallException(reason.contains("expired") || reason.contains("not valid yet")
                ? InstallException.Kind.EXPIRED : InstallException.Kind.UNAUTHENTICATED,
                "BigCommerce's callback was refused: " + reason);
    }

    private JsonObject exchange(String code, String scope, String context) {
        BigCommerceOAuthClient client = clients.build(BigCommerceOAuthClient.class, login, loginThrottle);
        JsonObject request = Json.createObjectBuilder()
                .add("client_id", settings.clientId())
                .add("client_secret", settings.clientSecret())
                .add("code", code)
                .add("context", context)
                .add("scope", scope)
                .add("grant_type", "authorization_code")
                .add("redirect_uri", settings.authCallback().toString())
                .build();
        try {
            JsonObject answer = BoundedRetry.DEFAULT.call(loginThrottle, () -> client.token(request));
            if (answer == null) {
                throw new InstallException(InstallException.Kind.PLATFORM_UNAVAILABLE,
                        "BigCommerce answered the code exchange without a body; try again later");
            }
            return answer;
        } catch (PlatformCallException e) {
            throw switch (e.kind()) {
                case UNAVAILABLE, RATE_LIMITED, MALFORMED_ANSWER -> new InstallException(
                        InstallException.Kind.PLATFORM_UNAVAILABLE,
                        "BigCommerce did not hand out the access token (" + e.getMessage() + "); try again later", e);
                default -> new InstallException(InstallException.Kind.PLATFORM_REJECTED,
                        "BigCommerce refused the authorization code (" + e.getMessage() + "); install the app again",
                        e);
            };
        } catch (InstallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InstallException(InstallException.Kind.PLATFORM_UNAVAILABLE,
                    "BigCommerce's token answer could not be read; try again later", e);
        }
    }

    private HookCreator.Hooks createHooks(String storeHash, String accessToken) {
        try {
            return hooks.create(storeHash, accessToken, webhookCallbacks.apply(storeHash));
        } catch (PlatformCallException e) {
            LOG.log(System.Logger.Level.WARNING, "BigCommerce store {0}: webhooks not created: {1}", storeHash,
                    e.getMessage());
            return new HookCreator.Hooks(List.of(), List.of("no webhook could be created: " + e.getMessage()));
        }
    }

    private static String require(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank() || value.length() > MAX_PARAMETER) {
            throw new InstallException(InstallException.Kind.MALFORMED, "the callback has no usable " + name);
        }
        return value.strip();
    }

    private static Set<String> scopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        Arrays.stream(scope.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
        return scopes;
    }
}
