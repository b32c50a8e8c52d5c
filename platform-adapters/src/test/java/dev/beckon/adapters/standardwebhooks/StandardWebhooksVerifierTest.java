package dev.beckon.adapters.standardwebhooks;

import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published Standard Webhooks vector (knowledge file 8.9), the tolerance edges and the header's list syntax. */
class StandardWebhooksVerifierTest {

    private static final JsonObject VECTOR = vector();
    private static final String SECRET = VECTOR.getString("secret");
    private static final String ID = VECTOR.getJsonObject("headers").getString("webhook-id");
    private static final String TIMESTAMP = VECTOR.getJsonObject("headers").getString("webhook-timestamp");
    private static final String SIGNATURE = VECTOR.getJsonObject("headers").getString("webhook-signature");
    private static final byte[] BODY = VECTOR.getString("body").getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT_AT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));
    private static final List<SigningKey> KEYS = List.of(SigningKey.fromSecret(SECRET));

    @Test
    void thePublishedVectorVerifiesAtItsTimestamp() {
        Verification verification = verifierAt(SENT_AT).verify(headers(SIGNATURE), BODY, KEYS);

        assertThat(verification).isEqualTo(new Verification.Verified("msg_p5jXN8AQM9LWM0D4loKWxJek", SENT_AT));
    }

    @Test
    void theVectorIsWhatTheSpecSaysItIs() {
        assertThat(SECRET).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(SIGNATURE).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(new String(BODY, StandardCharsets.UTF_8)).isEqualTo("{\"test\": 2432232314}");
    }

    @Test
    void exactlyFiveMinutesEitherWayIsStillAccepted() {
        assertThat(verifierAt(SENT_AT.plus(Duration.ofMinutes(5))).verify(headers(SIGNATURE), BODY, KEYS))
                .isInstanceOf(Verification.Verified.class);
        assertThat(verifierAt(SENT_AT.minus(Duration.ofMinutes(5))).verify(headers(SIGNATURE), BODY, KEYS))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void fiveMinutesAndOneSecondLaterIsStale() {
        Verification verification = verifierAt(SENT_AT.plusSeconds(301)).verify(headers(SIGNATURE), BODY, KEYS);

        assertFailed(verification, Problem.STALE);
        assertThat(((Verification.Failed) verification).rejection().reason())
                .isEqualTo("webhook-timestamp is 301 s behind Beckon's clock; at most 300 s either way is accepted");
    }

    @Test
    void aTimestampMoreThanFiveMinutesInTheFutureIsStale() {
        Verification verification = verifierAt(SENT_AT.minusSeconds(301)).verify(headers(SIGNATURE), BODY, KEYS);

        assertFailed(verification, Problem.STALE);
        assertThat(((Verification.Failed) verification).rejection().reason()).contains("301 s ahead of");
    }

    @Test
    void aStaleDeliveryWithAWrongSignatureIsUnauthenticatedNotStale() {
        Verification verification = verifierAt(SENT_AT.plus(Duration.ofDays(1)))
                .verify(headers("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), BODY, KEYS);

        assertFailed(verification, Problem.UNAUTHENTICATED);
    }

    @Test
    void oneValidSignatureAmongSeveralIsEnough() {
        String header = "v1,Ym9ndXM= v1a,c29tZXRoaW5nIGVsc2U= v1,bm90IGJhc2U2NCBlaXRoZXI= " + SIGNATURE;

        assertThat(verifierAt(SENT_AT).verify(headers(header), BODY, KEYS)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void entriesThatAreNotBase64DoNotHideAValidOne() {
        String header = "v1,%%%not-base64%%% " + SIGNATURE;

        assertThat(verifierAt(SENT_AT).verify(headers(header), BODY, KEYS)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void aCorrectMacUnderAnotherVersionIsIgnored() {
        String v2 = "v2," + SIGNATURE.substring("v1,".length());

        assertFailed(verifierAt(SENT_AT).verify(headers(v2), BODY, KEYS), Problem.UNAUTHENTICATED);
    }

    @Test
    void anyOfTheKeysMayHaveSignedIt() {
        List<SigningKey> rotation = List.of(SigningKey.fromSecret("whsec_bmV3LWtleS0wMTIzNDU2Nzg5"),
                SigningKey.fromSecret(SECRET));

        assertThat(verifierAt(SENT_AT).verify(headers(SIGNATURE), BODY, rotation))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void theIdAndTimestampAreSignedToo() {
        Headers otherId = Headers.of("webhook-id", "msg_other", "webhook-timestamp", TIMESTAMP,
                "webhook-signature", SIGNATURE);
        Headers otherTime = Headers.of("webhook-id", ID, "webhook-timestamp", String.valueOf(SENT_AT.getEpochSecond() + 1),
                "webhook-signature", SIGNATURE);

        assertFailed(verifierAt(SENT_AT).verify(otherId, BODY, KEYS), Problem.UNAUTHENTICATED);
        assertFailed(verifierAt(SENT_AT).verify(otherTime, BODY, KEYS), Problem.UNAUTHENTICATED);
    }

    @Test
    void aChangedBodyFails() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        Verification verification = verifierAt(SENT_AT).verify(headers(SIGNATURE), changed, KEYS);

        assertFailed(verification, Problem.UNAUTHENTICATED);
        assertThat(((Verification.Failed) verification).rejection().reason())
                .doesNotContain(SECRET, SECRET.substring("whsec_".length()), "g0hM9SsE");
    }

    @Test
    void missingHeadersAreNamed() {
        Verification verification = verifierAt(SENT_AT).verify(Headers.of("webhook-id", ID), BODY, KEYS);

        assertFailed(verification, Problem.UNAUTHENTICATED);
        assertThat(((Verification.Failed) verification).rejection().reason())
                .isEqualTo("missing webhook-timestamp, webhook-signature header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1614265330", "1614265330.5", "2021-02-25T15:02:10Z", "16142653301614265330", "abc"})
    void aTimestampThatIsNotUnixSecondsIsUnauthenticated(String timestamp) {
        Headers headers = Headers.of("webhook-id", ID, "webhook-timestamp", timestamp, "webhook-signature", SIGNATURE);

        assertFailed(verifierAt(SENT_AT).verify(headers, BODY, KEYS), Problem.UNAUTHENTICATED);
    }

    @Test
    void noKeysVerifyNothing() {
        assertFailed(verifierAt(SENT_AT).verify(headers(SIGNATURE), BODY, List.of()), Problem.UNAUTHENTICATED);
    }

    @Test
    void theWhsecPrefixIsOptionalAndTheRestMustBeBase64() {
        assertThat(verifierAt(SENT_AT).verify(headers(SIGNATURE), BODY,
                List.of(SigningKey.fromSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))))
                .isInstanceOf(Verification.Verified.class);
        assertThatThrownBy(() -> SigningKey.fromSecret("whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void aKeyNeverShowsItsBytes() {
        assertThat(SigningKey.fromSecret(SECRET).toString()).isEqualTo("SigningKey[<24 bytes hidden>]");
    }

    private static StandardWebhooksVerifier verifierAt(Instant now) {
        return new StandardWebhooksVerifier(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Headers headers(String signature) {
        return Headers.of("webhook-id", ID, "webhook-timestamp", TIMESTAMP, "webhook-signature", signature);
    }

    private static void assertFailed(Verification verification, Problem problem) {
        assertThat(verification).isInstanceOfSatisfying(Verification.Failed.class,
                failed -> assertThat(failed.rejection().problem()).isEqualTo(problem));
    }

    /** The standard-webhooks entry of the published vectors. */
    private static JsonObject vector() {
        try (InputStream in = StandardWebhooksVerifierTest.class.getResourceAsStream("/fixtures/webhook-signatures.json")) {
            return Json.createReader(in).readObject().getJsonArray("vectors").getValuesAs(JsonObject.class).stream()
                    .filter(v -> v.getString("platform").equals("standard-webhooks"))
                    .findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
