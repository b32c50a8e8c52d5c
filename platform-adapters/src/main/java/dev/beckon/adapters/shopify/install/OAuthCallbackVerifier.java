package dev.beckon.adapters.shopify.install;

import dev.beckon.adapters.signature.HmacSha256;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks Shopify's OAuth callback ({@code GET /auth/callback?code&hmac&host&shop&state&timestamp}) as
 * {@code shopify-app-js} does ({@code lib/utils/hmac-validator.ts}, {@code lib/auth/oauth/oauth.ts}), in this order:
 * <ol>
 *   <li>{@code shop} passes {@link ShopDomain#validate} (production: {@code myshopify.com} only);</li>
 *   <li>{@code hmac}: drop {@code hmac} and {@code signature}, sort the rest by name, form-encode {@code k=v}, join
 *       with {@code &}, and compare the hex HMAC-SHA256 under the client secret, in constant time over the
 *       decoded bytes;</li>
 *   <li>{@code timestamp} within {@link #TOLERANCE} of the injected clock, either way;</li>
 *   <li>{@code state} equals the nonce this browser's signed cookie holds, in constant time.</li>
 * </ol>
 * Immutable and thread-safe; no I/O.
 */
public final class OAuthCallbackVerifier {

    /** {@code HMAC_TIMESTAMP_PERMITTED_CLOCK_TOLERANCE_SEC} of shopify-app-js. */
    public static final Duration TOLERANCE = Duration.ofSeconds(90);

    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,15}");
    private static final int HMAC_HEX_LENGTH = 64;

    private final byte[] clientSecret;
    private final Clock clock;

    /**
     * @param clientSecret the app's client secret (API secret key); never null or empty, never logged
     * @param clock        what "now" is for the timestamp tolerance; never null
     */
    public OAuthCallbackVerifier(String clientSecret, Clock clock) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("the client secret must not be empty");
        }
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param query         the callback's query parameters, decoded, one value each; never null
     * @param expectedState the nonce stored when the install started (from the signed cookie); null if the browser
     *                      has none, which refuses the callback
     * @return never null
     */
    public CallbackVerdict verify(Map<String, String> query, String expectedState) {
        Optional<ShopDomain> shop = ShopDomain.validate(query.get("shop"));
        if (shop.isEmpty()) {
            return new CallbackVerdict.Refused("shop is not a myshopify.com domain");
        }
        String hmac = query.get("hmac");
        if (hmac == null || hmac.length() != HMAC_HEX_LENGTH) {
            return new CallbackVerdict.Refused("hmac is missing or not a hex HMAC-SHA256");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hmac);
        } catch (IllegalArgumentException notHex) {
            return new CallbackVerdict.Refused("hmac is missing or not a hex HMAC-SHA256");
        }
        byte[] expected = HmacSha256.mac(clientSecret, message(query).getBytes(StandardCharsets.UTF_8));
        if (!HmacSha256.same(expected, given)) {
            return new CallbackVerdict.Refused("hmac does not match the parameters");
        }
        String timestamp = query.get("timestamp");
        if (timestamp == null || !UNIX_SECONDS.matcher(timestamp).matches()) {
            return new CallbackVerdict.Refused("timestamp is missing or not a Unix time in seconds");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant());
        if (skew.abs().compareTo(TOLERANCE) > 0) {
            return new CallbackVerdict.Refused("timestamp is " + skew.abs().toSeconds() + " s from Beckon's clock; at most "
                    + TOLERANCE.toSeconds() + " s is accepted");
        }
        String state = query.get("state");
        if (state == null || expectedState == null || expectedState.isEmpty()
                || !HmacSha256.same(expectedState.getBytes(StandardCharsets.UTF_8),
                        state.getBytes(StandardCharsets.UTF_8))) {
            return new CallbackVerdict.Refused("state does not match the install this browser started");
        }
        return new CallbackVerdict.Verified(shop.get());
    }

    /** The signed message: the parameters but {@code hmac} and {@code signature}, sorted, form-encoded, joined by &. */
    static String message(Map<String, String> query) {
        Map<String, String> sorted = new TreeMap<>(query);
        sorted.remove("hmac");
        sorted.remove("signature");
        return sorted.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
