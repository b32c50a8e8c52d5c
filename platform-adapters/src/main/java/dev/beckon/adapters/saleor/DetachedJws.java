package dev.beckon.adapters.saleor;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Saleor's {@code Saleor-Signature} JWS: compact serialization with a detached, unencoded payload (RFC 7797),
 * {@code header..signature}, whose protected header is
 * {@code {"alg": "RS256", "b64": false, "crit": ["b64"], "iss": "<api url>", "kid": "...", "typ": "JWT"}}.
 * The signing input is {@code ASCII(b64url(header)) + "." + raw body}.
 *
 * <p>Only that shape is taken: RS256 and nothing else (no {@code none}, no HMAC with a public key as secret),
 * {@code b64} false and marked critical, a {@code kid}. Immutable and thread-safe.
 */
final class DetachedJws {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]+)\\.\\.([A-Za-z0-9_-]+)");
    /** A header of a few hundred bytes and an RSA signature of at most 8192 bits fit well within this. */
    private static final int MAX_LENGTH = 4096;
    private static final String B64 = "b64";

    private final String encodedHeader;
    private final JWSHeader header;
    private final Base64URL signature;

    private DetachedJws(String encodedHeader, JWSHeader header, Base64URL signature) {
        this.encodedHeader = encodedHeader;
        this.header = header;
        this.signature = signature;
    }

    /** Whether the value is meant as a JWS (it has the dots of one) rather than a legacy hex MAC. */
    static boolean looksLikeJws(String value) {
        return value.indexOf('.') >= 0;
    }

    /**
     * @throws ParseException with a message safe to show the caller, if the value is not Saleor's JWS shape
     */
    static DetachedJws parse(String value) throws ParseException {
        if (value.length() > MAX_LENGTH) {
            throw new ParseException("is longer than " + MAX_LENGTH + " characters", 0);
        }
        var matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            throw new ParseException("is not a compact JWS with a detached payload (header..signature)", 0);
        }
        JWSHeader header;
        try {
            header = JWSHeader.parse(new Base64URL(matcher.group(1)));
        } catch (ParseException | IllegalArgumentException e) {
            throw new ParseException("has a header that is not a JWS header", 0);
        }
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new ParseException("has alg " + header.getAlgorithm() + ", only RS256 is accepted", 0);
        }
        if (header.isBase64URLEncodePayload()) {
            throw new ParseException("has no \"b64\": false in its header, so it does not sign the raw body", 0);
        }
        if (header.getCriticalParams() == null || !header.getCriticalParams().contains(B64)) {
            throw new ParseException("does not mark b64 as critical", 0);
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new ParseException("has no kid in its header", 0);
        }
        return new DetachedJws(matcher.group(1), header, new Base64URL(matcher.group(2)));
    }

    String keyId() {
        return header.getKeyID();
    }

    /** The {@code iss} header parameter (Saleor's API URL); null if absent or not text. */
    String issuer() {
        return header.getCustomParam("iss") instanceof String iss ? iss : null;
    }

    /** Whether the signature is the key's RS256 signature over {@code ASCII(header) + "." + body}. */
    boolean verifies(byte[] body, RSAKey key) {
        byte[] prefix = (encodedHeader + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signingInput = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signingInput, 0, prefix.length);
        System.arraycopy(body, 0, signingInput, prefix.length, body.length);
        try {
            // b64 is deferred to us: we built the signing input for the unencoded payload ourselves
            return new RSASSAVerifier(key.toRSAPublicKey(), Set.of(B64)).verify(header, signingInput, signature);
        } catch (JOSEException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "DetachedJws[kid=" + Objects.toString(header.getKeyID()) + "]";
    }
}
