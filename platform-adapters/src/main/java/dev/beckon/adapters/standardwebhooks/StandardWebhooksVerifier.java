package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.signature.HmacSha256;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> signature check, as the reference libraries
 * do it.
 *
 * <ul>
 *   <li>Headers {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}; all
 *       three are required.</li>
 *   <li>Signed content: {@code {webhook-id}.{webhook-timestamp}.{raw body}}, the two header values exactly as
 *       sent, the body as raw bytes.</li>
 *   <li>MAC: HMAC-SHA256 with the {@link SigningKey} bytes, base64-encoded.</li>
 *   <li>{@code webhook-signature} is a space-separated list of {@code version,base64}; a delivery passes when any
 *       {@code v1} entry equals the MAC under any of the keys. Entries of other versions ({@code v1a}, {@code v2})
 *       and entries that are not base64 are skipped. Comparison is in constant time, over decoded bytes.</li>
 *   <li>Replay protection: the timestamp must be within {@link #TOLERANCE} of the injected clock, either way.
 *       Checked after the signature, so {@code STALE} always means "genuine, but too old or too new".</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; it does no I/O. Never throws for bad input.
 */
public final class StandardWebhooksVerifier {

    /** How far the timestamp may be from the clock, in the past or the future (the libraries' default). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private static final String VERSION = "v1";
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,15}");
    /** More entries than this is not a rotation but an attempt to make Beckon work; the rest are not read. */
    private static final int MAX_SIGNATURES = 16;
    /** The id becomes a dedup key; Beckon's ids are at most this long. */
    private static final int MAX_ID_LENGTH = 255;

    private final Clock clock;

    /** @param clock what "now" is for the timestamp tolerance; never null */
    public StandardWebhooksVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param headers the delivery's headers; never null
     * @param body    the raw body; never null
     * @param keys    the keys it may be signed with, current first; never null, may be empty (then nothing passes)
     * @return never null
     */
    public Verification verify(Headers headers, byte[] body, List<SigningKey> keys) {
        Optional<String> id = headers.first(ID_HEADER);
        Optional<String> timestamp = headers.first(TIMESTAMP_HEADER);
        Optional<String> signature = headers.first(SIGNATURE_HEADER);
        if (id.isEmpty() || timestamp.isEmpty() || signature.isEmpty()) {
            return failed(Problem.UNAUTHENTICATED, "missing " + missing(id, timestamp, signature) + " header");
        }
        if (id.get().length() > MAX_ID_LENGTH) {
            return failed(Problem.UNAUTHENTICATED, ID_HEADER + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!UNIX_SECONDS.matcher(timestamp.get()).matches()) {
            return failed(Problem.UNAUTHENTICATED, TIMESTAMP_HEADER + " is not a Unix time in seconds: '"
                    + Excerpt.of(timestamp.get()) + "'");
        }
        List<byte[]> given = v1Signatures(signature.get());
        if (given.isEmpty()) {
            return failed(Problem.UNAUTHENTICATED, SIGNATURE_HEADER + " holds no v1 signature");
        }
        if (!matchesAny(keys, given, id.get(), timestamp.get(), body)) {
            return failed(Problem.UNAUTHENTICATED,
                    "no signature in " + SIGNATURE_HEADER + " matches the content for any of the shop's secrets");
        }
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.get()));
        Instant now = clock.instant();
        Duration skew = Duration.between(sentAt, now);
        if (skew.abs().compareTo(TOLERANCE) > 0) {
            String direction = skew.isNegative() ? "ahead of" : "behind";
            return failed(Problem.STALE, TIMESTAMP_HEADER + " is " + skew.abs().toSeconds() + " s " + direction
                    + " Beckon's clock; at most " + TOLERANCE.toSeconds() + " s either way is accepted");
        }
        return new Verification.Verified(id.get(), sentAt);
    }

    /** The decoded {@code v1} entries of the header, at most {@link #MAX_SIGNATURES}. */
    private static List<byte[]> v1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>(2);
        String[] entries = header.strip().split(" +", MAX_SIGNATURES + 1);
        for (int i = 0; i < Math.min(entries.length, MAX_SIGNATURES); i++) {
            String entry = entries[i];
            int comma = entry.indexOf(',');
            if (comma > 0 && VERSION.equals(entry.substring(0, comma))) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException notBase64) {
                    // an entry that is not base64 matches nothing; the others may still match
                }
            }
        }
        return signatures;
    }

    private static boolean matchesAny(List<SigningKey> keys, List<byte[]> given, String id, String timestamp,
                                      byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (SigningKey key : keys) {
            byte[] expected = HmacSha256.mac(key.bytes(), prefix, body);
            for (byte[] candidate : given) {
                // no early exit: the time does not tell which key or which entry matched
                matched |= HmacSha256.same(expected, candidate);
            }
        }
        return matched;
    }

    private static String missing(Optional<String> id, Optional<String> timestamp, Optional<String> signature) {
        List<String> names = new ArrayList<>(3);
        if (id.isEmpty()) {
            names.add(ID_HEADER);
        }
        if (timestamp.isEmpty()) {
            names.add(TIMESTAMP_HEADER);
        }
        if (signature.isEmpty()) {
            names.add(SIGNATURE_HEADER);
        }
        return String.join(", ", names);
    }

    private static Verification failed(Problem problem, String reason) {
        return new Verification.Failed(WebhookOutcome.rejected(problem, reason));
    }
}
