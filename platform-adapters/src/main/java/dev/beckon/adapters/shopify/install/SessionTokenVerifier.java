package dev.beckon.adapters.shopify.install;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.beckon.adapters.install.InstallException;
import dev.beckon.adapters.signature.HmacSha256;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Verifies the session token (the {@code id_token} JWT) that Shopify hands an embedded app when the merchant opens
 * it in the admin, the start of a Shopify-managed install (knowledge file 2.4 step 2): HS256 with the app's client
 * secret, {@code aud} = the client id, {@code exp} and {@code nbf} within {@link #CLOCK_SKEW} (Shopify's own
 * libraries allow 10 s), {@code dest} = {@code https://{shop}} for a valid {@code myshopify.com} shop, and {@code iss}
 * on that same shop when present. Only HS256 is taken ({@code none} and RSA are refused). The MAC is checked with
 * HMAC-SHA256 in constant time, as for BigCommerce's tokens. Immutable and thread-safe; no I/O.
 */
public final class SessionTokenVerifier {

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
    private static final int MAX_LENGTH = 8192;

    private final String clientId;
    private final byte[] clientSecret;
    private final Clock clock;

    public SessionTokenVerifier(String clientId, String clientSecret, Clock clock) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        if (Objects.requireNonNull(clientSecret, "clientSecret").isEmpty()) {
            throw new IllegalArgumentException("the client secret must not be empty");
        }
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param idToken the {@code id_token} parameter
     * @return the shop the token was issued for
     * @throws InstallException {@code MALFORMED}, {@code UNAUTHENTICATED}, {@code EXPIRED} or {@code FORBIDDEN_DOMAIN},
     *                          with a reason safe to show
     */
    public ShopDomain verify(String idToken) {
        if (idToken == null || idToken.isBlank() || idToken.length() > MAX_LENGTH) {
            throw refused(InstallException.Kind.MALFORMED, "id_token is missing or too long");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | IllegalArgumentException e) {
            throw refused(InstallException.Kind.MALFORMED, "id_token is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw refused(InstallException.Kind.UNAUTHENTICATED,
                    "id_token has alg " + jwt.getHeader().getAlgorithm() + ", not HS256");
        }
        if (!HmacSha256.same(HmacSha256.mac(clientSecret, jwt.getSigningInput()), jwt.getSignature().decode())) {
            throw refused(InstallException.Kind.UNAUTHENTICATED, "id_token is not signed with the app's client secret");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw refused(InstallException.Kind.UNAUTHENTICATED, "id_token is for another app (aud)");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(CLOCK_SKEW))) {
            throw refused(InstallException.Kind.EXPIRED, "id_token has expired or has no exp; reload the app");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(CLOCK_SKEW))) {
            throw refused(InstallException.Kind.UNAUTHENTICATED, "id_token is not valid yet (nbf)");
        }
        ShopDomain shop = shopOf(claims.getClaim("dest"));
        Object issuer = claims.getClaim("iss");
        if (issuer != null && !shop.equals(shopOf(issuer))) {
            throw refused(InstallException.Kind.UNAUTHENTICATED, "id_token's iss and dest name different shops");
        }
        return shop;
    }

    private static ShopDomain shopOf(Object claim) {
        if (!(claim instanceof String text)) {
            throw refused(InstallException.Kind.MALFORMED, "id_token has no dest shop");
        }
        String host;
        try {
            URI uri = URI.create(text);
            host = "https".equals(uri.getScheme()) ? uri.getHost() : null;
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return ShopDomain.validate(host).orElseThrow(() -> refused(InstallException.Kind.FORBIDDEN_DOMAIN,
                "id_token names a shop outside myshopify.com"));
    }

    private static InstallException refused(InstallException.Kind kind, String reason) {
        return new InstallException(kind, reason);
    }
}
