package dev.beckon.adapters;

import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Accepted;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookOutcome.Rejected;
import dev.beckon.api.platform.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The contract every {@link PlatformAdapter} passes, whatever its platform: a recorded, correctly signed delivery
 * is accepted; any change to the body, a missing signature or a foreign secret is rejected as unauthenticated; a
 * redelivery gives the same dedup keys; a signed body that is not JSON is rejected as malformed; and no input, however
 * broken, makes the adapter throw.
 *
 * <p>A subclass supplies the adapter, a shop, one recorded real payload with the canonical payload type it maps to,
 * and a way to sign a body the way the platform does. It adds its platform's own cases next to these.
 */
public abstract class PlatformAdapterContract {

    /** A fixed receive time, so that two deliveries of the same request are identical. */
    protected static final Instant RECEIVED_AT = Instant.parse("2026-03-01T12:00:00Z");

    private static final long FUZZ_SEED = 20260301L;
    private static final int FUZZ_ROUNDS = 300;

    /** The adapter under test; a new or a shared instance, it is stateless either way. */
    protected abstract PlatformAdapter adapter();

    /** The shop deliveries are addressed to. Give it two secrets (current, previous) to test rotation too. */
    protected abstract ShopContext shop();

    /** A recorded, real payload of a topic the adapter maps, exactly as the platform sends it. */
    protected abstract byte[] validBody();

    /** The canonical payload type {@link #validBody()} maps to. */
    protected abstract Class<? extends EventPayload> expectedPayloadType();

    /**
     * All headers of a delivery of {@link #validBody()}'s topic to {@link #shop()}, with the signature computed
     * over {@code body} with {@code secret} as the platform does it (including any id or timestamp it signs).
     * Called twice with the same arguments it returns the same headers, as a platform's retry would.
     */
    protected abstract Headers signedHeaders(byte[] body, String secret);

    /** The names of the header(s) that carry the signature, in every spelling the adapter reads. */
    protected abstract Set<String> signatureHeaderNames();

    /**
     * What {@link #signedHeaders(byte[], String)} may sign with for the delivery to verify, current first: by default
     * the shop's webhook secrets (the platform and Beckon share them). A platform that signs with its own private key
     * and publishes the public one (Saleor's JWS) names its published keys here instead; then
     * {@link #signedHeaders(byte[], String)} signs with the key of that name, and with a key the platform never
     * published for any other name (such as a foreign secret).
     */
    protected List<String> signingCredentials() {
        return shop().webhookSecrets();
    }

    /** Headers signed with the current credential (the shop's current secret, unless overridden). */
    protected final Headers signedHeaders(byte[] body) {
        return signedHeaders(body, signingCredentials().get(0));
    }

    /** A delivery of {@code body} with those headers, to {@link #shop()}, received at {@link #RECEIVED_AT}. */
    protected final WebhookRequest request(Headers headers, byte[] body) {
        return new WebhookRequest(shop(), headers, body, RECEIVED_AT);
    }

    /** The valid delivery: {@link #validBody()} signed with the current secret. */
    protected final WebhookRequest validRequest() {
        byte[] body = validBody();
        return request(signedHeaders(body), body);
    }

    /** Bodies that are not JSON (or not a JSON object); each is signed and must be rejected as malformed. */
    protected Stream<String> notJsonBodies() {
        return Stream.of("this is not json", "{\"unterminated\": ", "", "[1, 2, 3]", "\"a string\"", "<xml/>");
    }

    /** The outcome, which must not be null. */
    protected final WebhookOutcome receive(WebhookRequest request) {
        WebhookOutcome outcome = adapter().receive(request);
        assertThat(outcome).as("outcome").isNotNull();
        return outcome;
    }

    @Test
    void aValidSignedDeliveryIsAcceptedAsTheExpectedCanonicalEvent() {
        WebhookOutcome outcome = receive(validRequest());

        assertThat(outcome).isInstanceOf(Accepted.class);
        List<EventEnvelope> events = ((Accepted) outcome).events();
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.shop()).isEqualTo(shop().shop());
            assertThat(event.source()).isEqualTo(adapter().id());
            assertThat(event.receivedAt()).isEqualTo(RECEIVED_AT);
            assertThat(event.dedupKey()).isNotBlank();
        });
        assertThat(events).map(EventEnvelope::payload).anySatisfy(
                payload -> assertThat(payload).isInstanceOf(expectedPayloadType()));
    }

    @Test
    void everySecretOfTheShopVerifiesDuringARotation() {
        byte[] body = validBody();
        for (String secret : signingCredentials()) {
            assertThat(receive(request(signedHeaders(body, secret), body)))
                    .as("signed with one of the shop's secrets")
                    .isInstanceOf(Accepted.class);
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        byte[] body = validBody();
        assertUnauthenticated(receive(request(signedHeaders(body, "someone-elses-secret-0123456789"), body)));
    }

    @ParameterizedTest(name = "byte at {0}")
    @MethodSource("flipPositions")
    void flippingOneByteOfTheBodyIsRejected(double relativePosition) {
        byte[] original = validBody();
        Headers headers = signedHeaders(original);
        byte[] tampered = original.clone();
        int index = (int) Math.min(original.length - 1, Math.round(relativePosition * (original.length - 1)));
        tampered[index] ^= 0x01;

        WebhookOutcome outcome = receive(request(headers, tampered));

        assertUnauthenticated(outcome);
        assertThat(((Rejected) outcome).reason())
                .as("a reason never reveals the signature the body would need")
                .doesNotContain(signatureValues(signedHeaders(tampered)))
                .doesNotContain(shop().webhookSecrets());
    }

    static Stream<Double> flipPositions() {
        return Stream.of(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void aDeliveryWithoutSignatureIsRejected() {
        byte[] body = validBody();
        Headers unsigned = without(signedHeaders(body), signatureHeaderNames());

        assertUnauthenticated(receive(request(unsigned, body)));
    }

    @Test
    void aRedeliveryOfTheSameRequestHasTheSameDedupKeys() {
        WebhookOutcome first = receive(validRequest());
        WebhookOutcome second = receive(validRequest());

        assertThat(first).isInstanceOf(Accepted.class);
        assertThat(second).isInstanceOf(Accepted.class);
        assertThat(dedupKeys(second)).isEqualTo(dedupKeys(first));
        assertThat(((Accepted) second).events()).map(EventEnvelope::id)
                .as("each stored event still gets its own id")
                .doesNotContainAnyElementsOf(((Accepted) first).events().stream().map(EventEnvelope::id).toList());
    }

    @TestFactory
    Stream<DynamicTest> aSignedBodyThatIsNotJsonIsRejectedAsMalformed() {
        return notJsonBodies().map(text -> DynamicTest.dynamicTest("body '" + text + "'", () -> {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);

            WebhookOutcome outcome = receive(request(signedHeaders(body), body));

            assertThat(outcome).isInstanceOfSatisfying(Rejected.class,
                    rejected -> assertThat(rejected.problem()).isEqualTo(Problem.MALFORMED));
        }));
    }

    @Test
    void neverThrowsForGarbageHeadersOrBodies() {
        Random random = new Random(FUZZ_SEED);
        List<String> knownNames = new ArrayList<>(signedHeaders(validBody()).names());
        for (int round = 0; round < FUZZ_ROUNDS; round++) {
            byte[] body = randomBytes(random, random.nextInt(300));
            Headers headers = garbageHeaders(random, knownNames);
            assertNeverThrows(request(headers, body));
            assertNeverThrows(request(signedHeaders(body), body));
        }
    }

    @Test
    void neverThrowsForSignedMutationsOfTheRealPayload() {
        Random random = new Random(FUZZ_SEED);
        JsonObject real = Json.createReader(new ByteArrayInputStream(validBody())).readObject();
        for (int round = 0; round < FUZZ_ROUNDS; round++) {
            byte[] body = mutate(real, random, 0).toString().getBytes(StandardCharsets.UTF_8);
            assertNeverThrows(request(signedHeaders(body), body));
        }
        for (int round = 0; round < FUZZ_ROUNDS; round++) {
            byte[] body = validBody();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            assertNeverThrows(request(signedHeaders(body), body));
        }
    }

    /** Asserts a rejection for a missing or wrong signature. */
    protected static void assertUnauthenticated(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.problem()).isEqualTo(Problem.UNAUTHENTICATED));
    }

    /** The dedup keys of an accepted outcome, in order. */
    protected static List<String> dedupKeys(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        return ((Accepted) outcome).events().stream().map(EventEnvelope::dedupKey).toList();
    }

    /** The same headers without the given names (any case); multi-valued headers keep their first value. */
    protected static Headers without(Headers headers, Set<String> names) {
        Set<String> drop = new HashSet<>();
        names.forEach(name -> drop.add(name.toLowerCase(Locale.ROOT)));
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : headers.names()) {
            if (!drop.contains(name)) {
                headers.first(name).ifPresent(value -> kept.put(name, List.of(value)));
            }
        }
        return Headers.of(kept);
    }

    /** The same headers with one header set (replacing any value under that name, in any case). */
    protected static Headers with(Headers headers, String name, String value) {
        Headers rest = without(headers, Set.of(name));
        Map<String, List<String>> all = new LinkedHashMap<>();
        rest.names().forEach(n -> rest.first(n).ifPresent(v -> all.put(n, List.of(v))));
        all.put(name, List.of(value));
        return Headers.of(all);
    }

    private void assertNeverThrows(WebhookRequest request) {
        assertThatCode(() -> assertThat(adapter().receive(request)).isNotNull())
                .as("receive(%s bytes)", request.body().length)
                .doesNotThrowAnyException();
    }

    private String[] signatureValues(Headers headers) {
        return signatureHeaderNames().stream()
                .map(headers::first)
                .flatMap(java.util.Optional::stream)
                .toArray(String[]::new);
    }

    private Headers garbageHeaders(Random random, List<String> knownNames) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : knownNames) {
            if (random.nextBoolean()) {
                headers.put(name, List.of(randomText(random)));
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            headers.put(randomText(random) + "x", List.of(randomText(random)));
        }
        return Headers.of(headers);
    }

    private static String randomText(Random random) {
        int kind = random.nextInt(4);
        return switch (kind) {
            case 0 -> "";
            case 1 -> java.util.Base64.getEncoder().encodeToString(randomBytes(random, random.nextInt(40)));
            case 2 -> new String(randomBytes(random, random.nextInt(40)), StandardCharsets.ISO_8859_1);
            default -> IntStream.range(0, random.nextInt(20))
                    .mapToObj(i -> String.valueOf((char) ('!' + random.nextInt(90))))
                    .reduce("", String::concat);
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The value with random members replaced by values of other JSON types, or dropped. */
    private static JsonValue mutate(JsonValue value, Random random, int depth) {
        if (random.nextInt(8) == 0) {
            return randomJson(random);
        }
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder builder = Json.createObjectBuilder();
                value.asJsonObject().forEach((name, member) -> {
                    if (random.nextInt(10) != 0) {
                        builder.add(name, mutate(member, random, depth + 1));
                    }
                });
                return builder.build();
            }
            case ARRAY -> {
                JsonArrayBuilder builder = Json.createArrayBuilder();
                value.asJsonArray().forEach(element -> builder.add(mutate(element, random, depth + 1)));
                return builder.build();
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonValue randomJson(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> JsonValue.NULL;
            case 1 -> JsonValue.TRUE;
            case 2 -> Json.createValue(-1);
            case 3 -> Json.createValue(new java.math.BigDecimal("1E+999999999"));
            case 4 -> Json.createValue(0.5);
            case 5 -> Json.createValue("");
            case 6 -> Json.createValue("not a date, not an amount, not a url \u0000");
            case 7 -> Json.createValue("x".repeat(300));
            case 8 -> JsonValue.EMPTY_JSON_ARRAY;
            case 9 -> JsonValue.EMPTY_JSON_OBJECT;
            default -> Json.createValue(new java.math.BigInteger("123456789012345678901234567890"));
        };
    }
}
