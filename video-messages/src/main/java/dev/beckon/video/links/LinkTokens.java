package dev.beckon.video.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Issues, checks and revokes landing-page link tokens: 192 bits from {@link SecureRandom}, written as 32 base64url
 * characters, expiring after a time to live, revocable. Tokens are looked up by their SHA-256, never kept in clear.
 * Links are deliberately not single-use: link previewers and mail scanners fetch them before the shopper does.
 *
 * <p>An in-memory model; the database-backed store comes later with the same behaviour. Thread-safe; never blocks.
 */
public final class LinkTokens {

    /** Random bytes per token: 192 bits, above the 128-bit minimum, and a whole number of base64 characters. */
    public static final int TOKEN_BYTES = 24;

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentMap<String, LinkToken> byHash = new ConcurrentHashMap<>();

    public LinkTokens(Clock clock) {
        this(clock, new SecureRandom());
    }

    public LinkTokens(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Issues a new token valid from now until now + {@code timeToLive} (exclusive).
     *
     * @param timeToLive positive
     */
    public IssuedLink issue(Duration timeToLive) {
        while (true) {
            IssuedLink issued = mint(clock.instant(), timeToLive, random);
            if (byHash.putIfAbsent(issued.record().tokenHash(), issued.record()) == null) {
                return issued;
            }
        }
    }

    /**
     * Makes a new token and its record without keeping either, for stores other than this in-memory one (the
     * video library's {@code video_link} table, whose primary key on the hash refuses a repeat).
     *
     * @param timeToLive positive
     */
    public static IssuedLink mint(Instant now, Duration timeToLive, SecureRandom random) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive: " + timeToLive);
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedLink(token, new LinkToken(hash(token), now, now.plus(timeToLive), null));
    }

    /**
     * Checks a token as presented in a URL.
     *
     * @param presented anything, null included; a value not in the token format is {@link TokenCheck.Unknown}
     */
    public TokenCheck check(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return new TokenCheck.Unknown();
        }
        LinkToken record = byHash.get(hash(presented));
        return record == null ? new TokenCheck.Unknown() : record.checkAt(clock.instant());
    }

    /**
     * Revokes a token from now on. Revoking again keeps the first revocation time.
     *
     * @return false when no such token was issued
     */
    public boolean revoke(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return false;
        }
        Instant now = clock.instant();
        return byHash.computeIfPresent(hash(presented), (h, record) -> record.revoke(now)) != null;
    }

    /**
     * The hash under which a presented token is stored, for stores other than this in-memory one (the video
     * library's {@code video_link} table).
     *
     * @param presented anything, null included
     * @return the SHA-256 hex of the token, or empty when {@code presented} is not in the token format
     */
    public static java.util.Optional<String> hashOf(String presented) {
        return presented == null || !FORMAT.matcher(presented).matches() ? java.util.Optional.empty()
                : java.util.Optional.of(hash(presented));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
