package dev.beckon.adapters.saleor.install;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.adapters.saleor.JwksSource;
import dev.beckon.adapters.saleor.install.SaleorInstallException.Reason;
import dev.beckon.api.model.ShopId;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Saleor's register call ({@code POST {tokenTargetUrl}} with {@code {"auth_token": "…"}} and the
 * {@code saleor-api-url} header), as {@code @saleor/app-sdk}'s register handler does it, in this order:
 * <ol>
 *   <li>the API URL passes {@link SaleorApiUrl} (https, no private addresses, an allowed host);</li>
 *   <li>a {@code saleor-domain} header, if sent, names the API URL's host (and port);</li>
 *   <li>if the shop has a registered domain, the API URL is on that origin (as {@code SaleorAdapter} reads it);</li>
 *   <li>the body holds a sane {@code auth_token};</li>
 *   <li>{@code query { app { id } }} with {@code Authorization: Bearer <token>} answers the app's id;</li>
 *   <li>{@code {origin}/.well-known/jwks.json} holds at least one RSA signing key with a {@code kid}.</li>
 * </ol>
 * Then Saleor creates the manifest's webhooks, whose signatures {@code SaleorAdapter} verifies with those keys.
 *
 * <p>Every failure is a {@link SaleorInstallException}; the token is never in a message or a log line.
 * Thread-safe; {@link #register} blocks for two bounded HTTP calls.
 */
public final class SaleorRegistration {

    /** Verifies the token and names the app: any valid app token may read its own app. */
    static final String APP_QUERY = "{\"query\":\"query { app { id } }\"}";

    private static final int MAX_BODY_BYTES = 8 * 1024;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,1024}");
    private static final System.Logger LOG = System.getLogger(SaleorRegistration.class.getName());

    private final SaleorAppSettings settings;
    private final SaleorApi api;
    private final JwksSource jwks;

    /**
     * @param settings never null
     * @param api      the GraphQL port; never null
     * @param jwks     where key sets come from ({@code HttpJwksSource} in production); never null
     */
    public SaleorRegistration(SaleorAppSettings settings, SaleorApi api, JwksSource jwks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = Objects.requireNonNull(api, "api");
        this.jwks = Objects.requireNonNull(jwks, "jwks");
    }

    /**
     * @param shop             the shop of the register URL; never null
     * @param apiUrlHeader     the {@code saleor-api-url} header; null if absent (refused)
     * @param domainHeader     the {@code saleor-domain} header; null if absent
     * @param registeredDomain the shop's Saleor domain if Beckon already knows it ({@code demo.saleor.cloud}); null
     *                         if not
     * @param body             the raw request body
     * @return what to store for the shop; never null
     * @throws SaleorInstallException with a reason and a message Saleor shows the merchant
     */
    public SaleorCredentials register(ShopId shop, String apiUrlHeader, String domainHeader, String registeredDomain,
                                      byte[] body) throws SaleorInstallException {
        Objects.requireNonNull(shop, "shop");
        URI apiUrl = SaleorApiUrl.check(apiUrlHeader, settings);
        URI origin = SaleorApiUrl.origin(apiUrl);
        if (domainHeader != null && !domainHeader.isBlank()
                && !domainHeader.strip().equalsIgnoreCase(SaleorApiUrl.authority(apiUrl))) {
            throw new SaleorInstallException(Reason.FORBIDDEN_API_URL, "The saleor-domain header '"
                    + Excerpt.of(domainHeader) + "' does not name the host of saleor-api-url.");
        }
        if (registeredDomain != null && !registeredDomain.isBlank()) {
            Optional<URI> registered = SaleorApiUrl.registeredOrigin(registeredDomain);
            if (registered.isEmpty() || !registered.get().equals(origin)) {
                throw new SaleorInstallException(Reason.FORBIDDEN_API_URL, "This Beckon shop is set up for "
                        + Excerpt.of(registeredDomain) + ", not for " + SaleorApiUrl.authority(apiUrl)
                        + "; install the app from that Saleor dashboard or change the shop's domain in Beckon.");
            }
        }
        String token = token(body);
        String appId = verify(apiUrl, token);
        String keys = fetchKeys(origin);
        LOG.log(System.Logger.Level.INFO, "shop {0}: Saleor app {1} registered by {2}", shop, appId, origin);
        return new SaleorCredentials(shop, apiUrl, SaleorApiUrl.adapterDomain(apiUrl), token, appId, keys);
    }

    private static String token(byte[] body) throws SaleorInstallException {
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            throw new SaleorInstallException(Reason.INVALID_BODY,
                    "The register body must be a JSON object {\"auth_token\": \"…\"} of at most " + MAX_BODY_BYTES
                            + " bytes.");
        }
        String token;
        try {
            token = parseJson(body).string("auth_token");
        } catch (MalformedPayloadException e) {
            throw new SaleorInstallException(Reason.INVALID_BODY, "The register body " + e.getMessage()
                    + "; expected {\"auth_token\": \"…\"}.");
        }
        if (token == null) {
            throw new SaleorInstallException(Reason.INVALID_BODY, "The register body has no auth_token.");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new SaleorInstallException(Reason.INVALID_BODY,
                    "The auth_token is not a Saleor app token (printable characters, at most 1024).");
        }
        return token;
    }

    private String verify(URI apiUrl, String token) throws SaleorInstallException {
        SaleorApi.Answer answer;
        try {
            answer = api.post(apiUrl, token, APP_QUERY);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Saleor API {0} unreachable: {1}", apiUrl, e.toString());
            throw new SaleorInstallException(Reason.SALEOR_UNREACHABLE, "The Saleor API at " + apiUrl
                    + " could not be reached to verify the app token; try installing again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaleorInstallException(Reason.SALEOR_UNREACHABLE, "Interrupted while calling Saleor.");
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw tokenInvalid(apiUrl, "HTTP " + answer.status());
        }
        if (answer.status() != 200) {
            throw new SaleorInstallException(Reason.SALEOR_ERROR, "The Saleor API at " + apiUrl + " answered HTTP "
                    + answer.status() + " to the token check.");
        }
        try {
            JsonView app = parseJson(answer.body().getBytes(StandardCharsets.UTF_8))
                    .object("data").flatMap(data -> data.object("app")).orElse(null);
            String id = app == null ? null : app.id("id");
            if (id == null) {
                throw tokenInvalid(apiUrl, "no app for this token");
            }
            return id;
        } catch (MalformedPayloadException e) {
            throw new SaleorInstallException(Reason.SALEOR_ERROR, "The Saleor API at " + apiUrl
                    + " did not answer GraphQL (" + e.getMessage() + ").");
        }
    }

    private String fetchKeys(URI origin) throws SaleorInstallException {
        String document;
        try {
            document = jwks.fetch(origin);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Saleor keys of {0} unavailable: {1}", origin, e.getMessage());
            throw new SaleorInstallException(Reason.JWKS_UNAVAILABLE, "The signing keys of " + origin
                    + " could not be fetched, so webhooks could not be verified; try installing again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaleorInstallException(Reason.JWKS_UNAVAILABLE, "Interrupted while fetching the keys.");
        }
        try {
            for (JWK key : JWKSet.parse(document).getKeys()) {
                boolean signing = key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse());
                if (key instanceof RSAKey && signing && key.getKeyID() != null) {
                    return document;
                }
            }
        } catch (ParseException e) {
            throw new SaleorInstallException(Reason.JWKS_UNAVAILABLE, "The keys at " + origin
                    + "/.well-known/jwks.json are not a JWKS document.");
        }
        throw new SaleorInstallException(Reason.JWKS_UNAVAILABLE, "The keys at " + origin
                + "/.well-known/jwks.json hold no RSA signing key with a key id.");
    }

    private static SaleorInstallException tokenInvalid(URI apiUrl, String detail) {
        return new SaleorInstallException(Reason.TOKEN_INVALID, "Saleor at " + apiUrl
                + " did not accept the app token (" + detail + "); install the app again from the dashboard.");
    }

    /**
     * {@link JsonView#parse}, with Parsson's plain {@code RuntimeException} for input nested deeper than 1000 levels
     * turned into the {@link MalformedPayloadException} every other unreadable body gives.
     */
    private static JsonView parseJson(byte[] body) {
        try {
            return JsonView.parse(body);
        } catch (MalformedPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedPayloadException("is not JSON of a sensible depth");
        }
    }
}
