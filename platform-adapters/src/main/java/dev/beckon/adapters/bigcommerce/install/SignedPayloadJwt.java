package dev.beckon.adapters.bigcommerce.install;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.beckon.adapters.signature.HmacSha256;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies the {@code signed_payload_jwt} BigCommerce passes to an app's {@code /load}, {@code /uninstall} and
 * {@code /remove_user} callbacks: HS256 with the app's client secret, {@code iss} = {@code bc}, {@code aud}
 * containing the client id, {@code exp} required and {@code nbf} honoured, each with {@link #CLOCK_SKEW}, and
 * {@code sub} = {@code stores/{store hash}}.
 *
 * <p>Nimbus parses the token and its claims. The MAC is checked here with HMAC-SHA256 over the token's signing
 * input, in constant time: Nimbus's {@code MACVerifier} refuses secrets shorter than 256 bits, and BigCommerce does
 * not promise client secrets of that length. Only {@code HS256} is taken ({@code none} and RSA are refused, so no
 * algorithm confusion). Immutable and thread-safe; no I/O.
 */
public final class SignedPayloadJwt {

    /** How far {@code exp} and {@code nbf} may be off Beckon's clock (Nimbus's default). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final String ISSUER = "bc";
    private static final Pattern STORE_SUBJECT = Pattern.compile("stores/([a-z0-9]{1,64})");
    /** A real token is well under 1 KiB; this bounds parsing of hostile input. */
    private static final int MAX_LENGTH = 8192;

    /** What a token said, or why it was refused. */
    public sealed interface Verdict {
    }

    /**
     * A genuine, current token.
     *
     * @param storeHash from {@code sub = stores/{hash}}; never null
     * @param userId    {@code user.id}, as text (platform ids are never read through {@code double}); never null
     * @param userEmail {@code user.email}; null if absent
     */
    public record Verified(String storeHash, String userId, String userEmail) implements Verdict {

        public Verified {
            Objects.requireNonNull(storeHash, "storeHash");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** @param reason safe to show: names no secret and no expected signature */
    public record Refused(String reason) implements Verdict {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final byte[] clientSecret;
    private final String clientId;
    private final Clock clock;

    /**
     * @param clientId     the app's client id, the expected audience; never null
     * @param clientSecret the app's client secret; never null or empty, never logged
     * @param clock        what "now" is for {@code exp} and {@code nbf}; never null
     */
    public SignedPayloadJwt(String clientId, String clientSecret, Clock clock) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("the client secret must not be empty");
        }
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param token the {@code signed_payload_jwt} parameter; null or blank is refused
     * @return never null
     */
    public Verdict verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return new Refused("signed_payload_jwt is missing or too long");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | IllegalArgumentException e) {
            return new Refused("signed_payload_jwt is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            return new Refused("signed_payload_jwt has alg " + jwt.getHeader().getAlgorithm() + ", not HS256");
        }
        byte[] expected = HmacSha256.mac(clientSecret, jwt.getSigningInput());
        if (!HmacSha256.same(expected, jwt.getSignature().decode())) {
            return new Refused("signed_payload_jwt is not signed with the app's client secret");
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            return new Refused("signed_payload_jwt was not issued by bc");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            return new Refused("signed_payload_jwt is for another app (aud)");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(CLOCK_SKEW))) {
            return new Refused("signed_payload_jwt has expired or has no exp");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(CLOCK_SKEW))) {
            return new Refused("signed_payload_jwt is not valid yet (nbf)");
        }
        var subject = claims.getSubject() == null ? null : STORE_SUBJECT.matcher(claims.getSubject());
        if (subject == null || !subject.matches()) {
            return new Refused("signed_payload_jwt has no sub of the form stores/{hash}");
        }
        Object user = claims.getClaim("user");
        if (!(user instanceof Map<?, ?> userMap) || !(userMap.get("id") instanceof Number id)
                || !(id instanceof Long || id instanceof Integer)) {
            return new Refused("signed_payload_jwt has no whole-number user.id");
        }
        Object email = userMap.get("email");
        return new Verified(subject.group(1), id.toString(), email instanceof String text ? text : null);
    }
}
