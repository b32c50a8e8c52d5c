package dev.beckon.adapters.bigcommerce.install;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The node-bigcommerce vector (knowledge file 8.8) and what must refuse it. */
class SignedPayloadJwtTest {

    private static final String CLIENT = "123456abcdef";
    private static final String SECRET = "123456abcdef";
    private static final String VALID = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIxMjM0NTZhYmNkZWYiLCJpc3MiOiJiYyIsImlhdCI6MTYyMjc0MjcyNywibmJmIjoxNjIyNzQyNzIyLCJleHAiOjM2MjI4MjkxMjcsImp0aSI6ImY0NGI1NmU5LTI1ZTUtNDQ3OC05ODUyLTQwMjdlNzMyYmY0OSIsInN1YiI6InN0b3Jlcy8xMmFiYyIsInVzZXIiOnsiaWQiOjIzNjksImVtYWlsIjoidGVzdEB0ZXN0LnRlc3QifSwib3duZXIiOnsiaWQiOjIzNjksImVtYWlsIjoidGVzdEB0ZXN0LnRlc3QifSwidXJsIjoiLyJ9.QRTvS1SVBEPrnBb2woA16sbFvNjb8b0vzwF17sVNYV4";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void theRecordedTokenVerifies() {
        assertThat(at(NOW, CLIENT).verify(VALID))
                .isEqualTo(new SignedPayloadJwt.Verified("12abc", "2369", "test@test.test"));
    }

    @Test
    void aFlippedSignatureByteIsRefused() {
        char last = VALID.charAt(VALID.length() - 2);
        String flipped = VALID.substring(0, VALID.length() - 2) + (last == 'A' ? 'B' : 'A')
                + VALID.charAt(VALID.length() - 1);

        assertThat(at(NOW, CLIENT).verify(flipped)).isEqualTo(
                new SignedPayloadJwt.Refused("signed_payload_jwt is not signed with the app's client secret"));
    }

    @Test
    void anotherAppsTokenIsRefused() {
        assertThat(new SignedPayloadJwt("another-client", SECRET, Clock.fixed(NOW, ZoneOffset.UTC)).verify(VALID))
                .isEqualTo(new SignedPayloadJwt.Refused("signed_payload_jwt is for another app (aud)"));
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheSkew() {
        Instant exp = Instant.ofEpochSecond(3622829127L);
        assertThat(at(exp.plus(SignedPayloadJwt.CLOCK_SKEW), CLIENT).verify(VALID))
                .isEqualTo(new SignedPayloadJwt.Refused("signed_payload_jwt has expired or has no exp"));
        assertThat(at(exp.plusSeconds(1), CLIENT).verify(VALID)).isInstanceOf(SignedPayloadJwt.Verified.class);
    }

    @Test
    void aTokenBeforeItsNbfOrGarbageIsRefused() {
        assertThat(at(Instant.ofEpochSecond(1622742722L - 61), CLIENT).verify(VALID))
                .isEqualTo(new SignedPayloadJwt.Refused("signed_payload_jwt is not valid yet (nbf)"));
        assertThat(at(NOW, CLIENT).verify("not.a.jwt"))
                .isEqualTo(new SignedPayloadJwt.Refused("signed_payload_jwt is not a signed JWT"));
        assertThat(at(NOW, CLIENT).verify(null)).isInstanceOf(SignedPayloadJwt.Refused.class);
    }

    private static SignedPayloadJwt at(Instant now, String clientId) {
        return new SignedPayloadJwt(clientId, SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }
}
