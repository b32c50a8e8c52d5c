package dev.beckon.adapters.saleor;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.util.Arrays;
import java.util.Set;

/** Test keys and Saleor's way of signing, done with Nimbus independently of the adapter's hand-built check. */
final class SaleorSigning {

    static final RSAKey CURRENT = generate("saleor-key-2026");
    static final RSAKey PREVIOUS = generate("saleor-key-2025");
    /** A key nobody published, claiming the current key's id. */
    static final RSAKey ROGUE = generate(CURRENT.getKeyID());

    private SaleorSigning() {
    }

    /** {@code Saleor-Signature}: compact JWS, detached unencoded payload, as saleor/webhook/transport signs. */
    static String sign(byte[] body, RSAKey key, String issuer) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .base64URLEncodePayload(false)
                .criticalParams(Set.of("b64"))
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT);
        if (issuer != null) {
            header.customParam("iss", issuer);
        }
        try {
            JWSObject jws = new JWSObject(header.build(), new Payload(body));
            jws.sign(new RSASSASigner(key));
            return jws.serialize(true);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS document of the keys, as {@code /.well-known/jwks.json} serves it. */
    static String jwks(RSAKey... keys) {
        return new JWKSet(Arrays.stream(keys).map(RSAKey::toPublicJWK).map(k -> (com.nimbusds.jose.jwk.JWK) k)
                .toList()).toString();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
